package dev.darkfactory.agent.edit;

import dev.darkfactory.agent.ToolException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code edit_file} operation (coding-agent-loop-spec §3.3): replace an exact string, which
 * must be unique unless every occurrence is wanted. When the exact string is absent, a whole-line
 * match that differs only in whitespace or typographic punctuation is accepted if it is unique,
 * and reported as such.
 */
public final class StringReplacement {

  /** The edited text and what was done. */
  public record Result(String content, int replacements, Optional<LineMatcher.Level> fuzzyLevel) {}

  private StringReplacement() {}

  /**
   * @param expectedReplacements when present, the exact number of occurrences required (the
   *     gemini-cli convention); otherwise one, or any number with {@code replaceAll} (Claude Code)
   */
  public static Result apply(
      String path, String content, String oldString, String newString, boolean replaceAll,
      OptionalInt expectedReplacements) {
    if (oldString.isEmpty()) {
      throw conflict("old_string is empty. To create or overwrite a file use write_file; to edit, copy"
          + " the exact text to replace into old_string.");
    }
    if (oldString.equals(newString)) {
      throw conflict("old_string and new_string are identical, so there is nothing to change.");
    }
    boolean crlf = content.contains("\r\n") && !oldString.contains("\r");
    String search = crlf ? oldString.replace("\n", "\r\n") : oldString;
    String replacement = crlf ? newString.replace("\n", "\r\n") : newString;
    int occurrences = occurrences(content, search);
    if (occurrences == 0) {
      return fuzzy(path, content, oldString, newString);
    }
    if (expectedReplacements.isPresent() && occurrences != expectedReplacements.getAsInt()) {
      throw conflict("Expected " + expectedReplacements.getAsInt() + " occurrence(s) of old_string in " + path
          + " but found " + occurrences + ". Adjust expected_replacements or add context to old_string.");
    }
    if (occurrences > 1 && !replaceAll && expectedReplacements.isEmpty()) {
      throw conflict("old_string appears " + occurrences + " times in " + path + ". Include more surrounding"
          + " lines to make it unique, or set replace_all to true to change every occurrence.");
    }
    if (occurrences == 1) {
      int at = content.indexOf(search);
      return new Result(content.substring(0, at) + replacement + content.substring(at + search.length()), 1, Optional.empty());
    }
    return new Result(content.replace(search, replacement), occurrences, Optional.empty());
  }

  private static Result fuzzy(String path, String content, String oldString, String newString) {
    TextLines file = TextLines.parse(content);
    List<String> pattern = TextLines.parse(oldString).lines();
    Optional<LineMatcher.Match> match = LineMatcher.seek(file.lines(), pattern, 0, false);
    if (match.isEmpty() || pattern.isEmpty()) {
      throw conflict("old_string was not found in " + path + ". Read the file again and copy the text to"
          + " replace exactly, including indentation and line breaks.");
    }
    LineMatcher.Level level = match.get().level();
    if (LineMatcher.count(file.lines(), pattern, 0, level) > 1) {
      throw conflict("old_string was not found exactly in " + path + ", and it matches several places when"
          + " whitespace is ignored. Copy the exact text, with more surrounding lines.");
    }
    List<String> lines = file.mutableLines();
    int at = match.get().index();
    lines.subList(at, at + pattern.size()).clear();
    lines.addAll(at, TextLines.parse(newString).lines());
    return new Result(file.withLines(lines).render(), 1, Optional.of(level));
  }

  private static int occurrences(String content, String search) {
    int count = 0;
    for (int at = content.indexOf(search); at >= 0; at = content.indexOf(search, at + search.length())) {
      count++;
    }
    return count;
  }

  private static ToolException conflict(String message) {
    return new ToolException(ToolException.Kind.EDIT_CONFLICT, message);
  }
}
