package dev.darkfactory.pipeline.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe file replacement: write a temporary file beside the target, force it to disk, then
 * rename it over the target. A reader (or a resume after {@code kill -9} or power loss) sees the
 * old content or the new, never a torn mix.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code target} with {@code text} (UTF-8), durably. */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces {@code target} with {@code content}, durably. */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, ByteBuffer.wrap(content));
  }

  /** Replaces {@code target} with the remaining bytes of {@code content}, durably. */
  public static void write(Path target, ByteBuffer content) throws IOException {
    try {
      replace(target, content.duplicate());
    } catch (java.nio.channels.ClosedByInterruptException e) {
      // A stray interrupt closed the channel. Recovery state must still be written, so clear it and write again;
      // stopping is signalled through the run's Cancellation, never through interrupts alone.
      Thread.interrupted();
      replace(target, content.duplicate());
    }
  }

  private static void replace(Path target, ByteBuffer bytes) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (FileChannel channel = FileChannel.open(temp,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Only file systems without rename(2) semantics get here; the fsync above still bounds the loss.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes {@code text} without forcing it to disk: for files that are reports, not recovery state. */
  public static void writePlain(Path target, String text) throws IOException {
    Files.writeString(target, text, StandardCharsets.UTF_8);
  }
}
