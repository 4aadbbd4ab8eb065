package dev.darkfactory.pipeline.dot;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineSourceException;
import dev.darkfactory.pipeline.source.SourcePosition;
import dev.darkfactory.pipeline.source.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads pipeline files as UTF-8 text, refusing binary files and invalid encodings with a
 * positioned error instead of parsing garbage.
 */
public final class DotSource {
  /** Larger files are refused before they are read; real pipelines are a few kilobytes. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  private DotSource() {}

  /** Reads {@code path}; the name used in positions is the path as given. */
  public static SourceText read(Path path) {
    String name = path.toString();
    try {
      if (Files.isDirectory(path)) {
        throw new PipelineSourceException(path, "cannot read " + name + ": it is a directory, not a .dot file", null);
      }
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new PipelineSourceException(path, "cannot read " + name + ": it is " + size / (1024 * 1024)
            + " MB, over the " + MAX_BYTES / (1024 * 1024) + " MB limit for a pipeline file", null);
      }
      return decode(name, Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new PipelineSourceException(path, "cannot read " + name + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new PipelineSourceException(path, "cannot read " + name + ": permission denied", e);
    } catch (IOException e) {
      throw new PipelineSourceException(path, "cannot read " + name + ": " + IoReasons.of(e), e);
    }
  }

  /** Decodes bytes as UTF-8, rejecting NUL bytes (binary files) and malformed sequences. */
  public static SourceText decode(String name, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw binary(name, bytes, i, "this is not a text file (it contains a NUL byte): a pipeline is UTF-8 text starting with 'digraph'");
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return new SourceText(name, decoder.decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      int offset = firstInvalidUtf8(bytes);
      throw binary(name, bytes, offset, "the file is not valid UTF-8 text (byte offset " + offset + "): save it as UTF-8");
    }
  }

  private static DotSyntaxException binary(String name, byte[] bytes, int offset, String problem) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new DotSyntaxException(SourcePosition.of(name, line, offset - lineStart + 1), problem, "");
  }

  /** The offset of the first byte that starts a malformed UTF-8 sequence. */
  private static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }
}
