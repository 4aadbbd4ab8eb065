package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.problem.RunStorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Saves and loads one checkpoint file (attractor-spec.md 5.3). Saving is atomic ({@link
 * AtomicFiles}): a crash leaves the previous checkpoint or the new one, so resume always has a
 * consistent state to continue from.
 *
 * <p>A store keeps the encoding of the previous save, so a traversal saving its live progress
 * after every node only encodes what the node added ({@link CheckpointContent}).
 */
public final class CheckpointStore {
  private final Path file;
  private final CheckpointJson.Encoder encoder = new CheckpointJson.Encoder();
  private boolean directoryReady;

  public CheckpointStore(Path file) {
    this.file = file;
  }

  /** The store of {@code {directory}/checkpoint.json}. */
  public static CheckpointStore in(Path directory) {
    return new CheckpointStore(directory.resolve(Checkpoint.FILE_NAME));
  }

  public Path file() {
    return file;
  }

  /** Replaces the checkpoint file with {@code checkpoint}, durably; read only during this call. */
  public synchronized void save(CheckpointContent checkpoint) {
    try {
      if (!directoryReady) {
        Files.createDirectories(file.getParent());
        directoryReady = true;
      }
      AtomicFiles.write(file, encoder.encode(checkpoint).buffer());
    } catch (IOException e) {
      throw new RunStorageException(file, "cannot write the checkpoint " + file + ": " + IoReasons.of(e), e);
    }
  }

  /** The saved checkpoint, or empty when none was written yet. */
  public Optional<Checkpoint> load() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new RunStorageException(file, "cannot read the checkpoint " + file + ": " + IoReasons.of(e), e);
    }
    try {
      return Optional.of(CheckpointJson.fromJson(JsonValues.parse(text)));
    } catch (RuntimeException e) {
      throw new RunStorageException(file, "the checkpoint " + file + " is damaged: " + IoReasons.of(e) + "; the run cannot be resumed from it", e);
    }
  }

  /** The JSON text a checkpoint is saved as, indented (for the HTTP API's checkpoint endpoint). */
  public static String toJson(Checkpoint checkpoint) {
    return JsonValues.pretty(JsonValues.parse(new String(CheckpointJson.write(checkpoint), java.nio.charset.StandardCharsets.UTF_8)));
  }
}
