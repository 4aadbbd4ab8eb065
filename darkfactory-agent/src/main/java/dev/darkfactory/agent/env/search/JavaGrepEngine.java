package dev.darkfactory.agent.env.search;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.env.GrepOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The search used when ripgrep is not installed (coding-agent-loop-spec §4.2: "fall back to
 * language-native regex search"). It mirrors our ripgrep invocation: the same files ({@link
 * FileTree}), the same glob semantics, binary files skipped (a NUL byte in the first 64 KiB, the
 * size of ripgrep's first read; a later NUL ends the search of that file), the same output.
 * Files are searched in parallel batches and results assembled in path order.
 */
public final class JavaGrepEngine implements GrepEngine {
  private static final int BINARY_PROBE = 64 * 1024;
  private static final int BATCH = 512;

  @Override
  public String name() {
    return "java";
  }

  @Override
  public List<String> search(GrepQuery query) {
    Pattern pattern = compile(query);
    GrepOptions options = query.options();
    Optional<GlobPattern> filter = options.globFilter().map(GlobPattern::gitignore);
    List<FileTree.Entry> files = files(query, filter);
    int wanted = options.maxResults() + 1;
    List<String> results = new ArrayList<>();
    for (int start = 0; start < files.size() && results.size() < wanted; start += BATCH) {
      List<FileTree.Entry> batch = files.subList(start, Math.min(files.size(), start + BATCH));
      List<List<String>> perFile =
          batch.parallelStream().map(file -> searchFile(file, pattern, query, wanted)).toList();
      for (List<String> lines : perFile) {
        results.addAll(lines);
        if (results.size() >= wanted) {
          break;
        }
      }
    }
    return results.size() > wanted ? List.copyOf(results.subList(0, wanted)) : results;
  }

  private static Pattern compile(GrepQuery query) {
    int flags = Pattern.UNICODE_CHARACTER_CLASS;
    if (query.options().caseInsensitive()) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    try {
      return Pattern.compile(query.pattern(), flags);
    } catch (PatternSyntaxException e) {
      throw new EnvironmentException(
          EnvironmentException.Reason.INVALID_PATTERN,
          "Invalid regex pattern '" + query.pattern() + "': " + e.getDescription()
              + ". Escape special characters such as ( [ { with a backslash.",
          e);
    }
  }

  private static List<FileTree.Entry> files(GrepQuery query, Optional<GlobPattern> filter) {
    Path root = query.root();
    if (Files.isRegularFile(root)) {
      // An explicit file is searched whatever its name; ripgrep does the same.
      return List.of(new FileTree.Entry(root, root.getFileName().toString(), 0, 0));
    }
    try {
      List<FileTree.Entry> all = FileTree.withoutHidden().walk(root);
      if (filter.isEmpty()) {
        return all;
      }
      // ripgrep roots --glob at its working directory, which is our display base.
      return all.stream().filter(entry -> filter.get().matches(query.display(entry.path()))).toList();
    } catch (IOException e) {
      throw new EnvironmentException(
          EnvironmentException.Reason.IO_ERROR, "Could not search " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<String> searchFile(
      FileTree.Entry file, Pattern pattern, GrepQuery query, int wanted) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.path());
    } catch (IOException unreadable) {
      return List.of(); // ripgrep skips unreadable files silently under --no-messages
    }
    int nul = indexOfNul(bytes);
    if (nul >= 0 && nul < BINARY_PROBE) {
      return List.of();
    }
    int searchable = nul < 0 ? bytes.length : lineStart(bytes, nul);
    String text = decode(bytes, searchable);
    String name = query.display(file.path());
    GrepOptions.OutputMode mode = query.options().outputMode();
    List<String> lines = new ArrayList<>();
    Matcher matcher = pattern.matcher("");
    int count = 0;
    int lineNumber = 0;
    int position = 0;
    while (position < text.length()) {
      int end = text.indexOf('\n', position);
      int lineEnd = end < 0 ? text.length() : end;
      lineNumber++;
      if (matcher.reset(text.subSequence(position, lineEnd)).find()) {
        count++;
        switch (mode) {
          case CONTENT -> lines.add(name + ":" + lineNumber + ":" + withoutCarriageReturn(text, position, lineEnd));
          case FILES_WITH_MATCHES -> {
            return List.of(name);
          }
          case COUNT -> {
            // counted above
          }
        }
        if (mode == GrepOptions.OutputMode.CONTENT && lines.size() >= wanted) {
          break;
        }
      }
      position = lineEnd + 1;
    }
    if (mode == GrepOptions.OutputMode.COUNT && count > 0) {
      return List.of(name + ":" + count);
    }
    return lines;
  }

  /** CRLF files: the line's {@code \r} is not content the model needs. */
  private static String withoutCarriageReturn(String text, int start, int end) {
    int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
    return text.substring(start, stop);
  }

  private static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int lineStart(byte[] bytes, int index) {
    int i = index;
    while (i > 0 && bytes[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  /** UTF-8 with malformed bytes replaced, as ripgrep's output is decoded on our side. */
  private static String decode(byte[] bytes, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (java.nio.charset.CharacterCodingException impossible) {
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }
}
