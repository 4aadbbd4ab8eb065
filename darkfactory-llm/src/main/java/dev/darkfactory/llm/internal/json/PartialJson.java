package dev.darkfactory.llm.internal.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Parses a prefix of a JSON document as far as it is complete (unified-llm-spec §4.6 "incremental JSON parsing"):
 * open strings, arrays and objects are closed, and a trailing member that is not yet complete is dropped, so
 * {@code {"name": "Al} gives {@code {"name": "Al"}} and {@code {"a": 1, "b} gives {@code {"a": 1}}.
 */
public final class PartialJson {

  private PartialJson() {}

  public static Optional<JsonNode> parse(String prefix) {
    String text = stripFence(prefix);
    int start = firstContainer(text);
    if (start < 0) {
      return Optional.empty();
    }
    text = text.substring(start);
    if (closers(text).startsWith("\\")) {
      text = text.substring(0, text.length() - 1); // a dangling escape inside a string: drop the backslash
    }
    List<Integer> cuts = cutPoints(text);
    Optional<JsonNode> whole = Json.tryParse(text + closers(text));
    if (whole.isPresent()) {
      return whole;
    }
    for (int i = cuts.size() - 1; i >= 0; i--) {
      String candidate = text.substring(0, cuts.get(i));
      Optional<JsonNode> parsed = Json.tryParse(candidate + closers(candidate));
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    return Optional.empty();
  }

  /** Removes a leading Markdown code fence that some models wrap JSON in. */
  public static String stripFence(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("```")) {
      int newline = trimmed.indexOf('\n');
      trimmed = newline < 0 ? "" : trimmed.substring(newline + 1);
      if (trimmed.endsWith("```")) {
        trimmed = trimmed.substring(0, trimmed.length() - 3);
      }
    }
    return trimmed.strip();
  }

  private static int firstContainer(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') {
        return i;
      }
    }
    return -1;
  }

  /** Offsets where the text can be cut to drop an incomplete trailing member: before commas, after openers. */
  private static List<Integer> cutPoints(String text) {
    List<Integer> cuts = new ArrayList<>();
    StringTracker strings = new StringTracker();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!strings.isStructural(c)) {
        continue;
      }
      switch (c) {
        case ',' -> cuts.add(i);
        case '{', '[' -> cuts.add(i + 1);
        default -> {
          // Other characters do not delimit members.
        }
      }
    }
    return cuts;
  }

  /** The characters that close every open string, array and object of {@code text}. */
  private static String closers(String text) {
    Deque<Character> open = new ArrayDeque<>();
    StringTracker strings = new StringTracker();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!strings.isStructural(c)) {
        continue;
      }
      switch (c) {
        case '{' -> open.push('}');
        case '[' -> open.push(']');
        case '}', ']' -> open.poll();
        default -> {
          // Scalars need no closing.
        }
      }
    }
    StringBuilder closing = new StringBuilder();
    if (strings.inString) {
      closing.append(strings.escaped ? "\\\"" : "\"");
    }
    open.forEach(closing::append);
    return closing.toString();
  }

  /** Follows string literals and escapes through a scan, so quoted braces and commas are not taken for structure. */
  private static final class StringTracker {
    private boolean inString;
    private boolean escaped;

    /** Takes the next character; true when it lies outside every string and is not a string's opening quote. */
    boolean isStructural(char c) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
        return false;
      }
      if (c == '"') {
        inString = true;
        return false;
      }
      return true;
    }
  }
}
