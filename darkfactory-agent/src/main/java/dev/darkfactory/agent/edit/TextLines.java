package dev.darkfactory.agent.edit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file's text as lines, remembering its line ending and whether it ended with one, so an edit
 * writes the file back in the same style.
 */
public record TextLines(List<String> lines, boolean crlf, boolean trailingNewline) {
  public TextLines {
    lines = List.copyOf(lines);
  }

  public static TextLines parse(String content) {
    boolean crlf = content.contains("\r\n");
    String normalized = crlf ? content.replace("\r\n", "\n") : content;
    boolean trailing = normalized.endsWith("\n");
    String body = trailing ? normalized.substring(0, normalized.length() - 1) : normalized;
    List<String> lines = body.isEmpty() && !trailing ? List.of() : Arrays.asList(body.split("\n", -1));
    return new TextLines(lines, crlf, trailing);
  }

  public TextLines withLines(List<String> newLines) {
    return new TextLines(newLines, crlf, trailingNewline || lines.isEmpty());
  }

  public String render() {
    if (lines.isEmpty()) {
      return "";
    }
    String separator = crlf ? "\r\n" : "\n";
    return String.join(separator, lines) + (trailingNewline ? separator : "");
  }

  /** A mutable copy of the lines. */
  public List<String> mutableLines() {
    return new ArrayList<>(lines);
  }
}
