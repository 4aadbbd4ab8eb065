package dev.darkfactory.agent.edit;

import dev.darkfactory.agent.ToolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the v4a patch format (coding-agent-loop-spec Appendix A, "Grammar"). Errors name the line
 * and say what was expected, so the model can fix its patch.
 *
 * <p>Beyond the grammar we accept what models commonly produce and codex-rs tolerates: a heredoc
 * wrapper ({@code <<'EOF' ... EOF}), blank lines between operations, an empty line inside a hunk
 * as an empty context line, a first hunk without {@code @@}, and unified-diff range headers
 * ({@code @@ -1,3 +1,4 @@}) in place of a context hint.
 */
public final class PatchParser {
  static final String BEGIN = "*** Begin Patch";
  static final String END = "*** End Patch";
  private static final String ADD = "*** Add File: ";
  private static final String DELETE = "*** Delete File: ";
  private static final String UPDATE = "*** Update File: ";
  private static final String MOVE = "*** Move to: ";
  private static final String END_OF_FILE = "*** End of File";
  private static final Pattern HEREDOC = Pattern.compile("^(?:apply_patch\\s+)?<<-?\\s*['\"]?(\\w+)['\"]?\\s*$");
  private static final Pattern UNIFIED_RANGE = Pattern.compile("^-\\d+(?:,\\d+)? \\+\\d+(?:,\\d+)?(?: @@ ?(.*))?$");

  private final List<String> lines;
  private int index;
  private final int end;

  private PatchParser(List<String> lines, int start, int end) {
    this.lines = lines;
    this.index = start;
    this.end = end;
  }

  public static Patch parse(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.replace("\r\n", "\n").split("\n", -1)));
    int first = firstNonBlank(lines, 0);
    int last = lastNonBlank(lines);
    if (first < 0) {
      throw syntax("The patch is empty. It must start with '" + BEGIN + "' and end with '" + END + "'.");
    }
    Matcher heredoc = HEREDOC.matcher(lines.get(first).strip());
    if (heredoc.matches() && last > first && lines.get(last).strip().equals(heredoc.group(1))) {
      first = firstNonBlank(lines, first + 1);
      last = lastNonBlankBefore(lines, last);
    }
    if (first < 0 || !lines.get(first).strip().equals(BEGIN)) {
      throw syntax("line " + (first + 1) + ": the patch must start with '" + BEGIN + "', found '"
          + (first < 0 ? "" : lines.get(first).strip()) + "'.");
    }
    if (last <= first || !lines.get(last).strip().equals(END)) {
      throw syntax("the patch must end with '" + END + "' on its own line (last line: '"
          + lines.get(last).strip() + "').");
    }
    Patch patch = new PatchParser(lines, first + 1, last).operations();
    if (patch.operations().isEmpty()) {
      throw syntax("the patch contains no file operations. Use '*** Add File:', '*** Delete File:' or"
          + " '*** Update File:'.");
    }
    return patch;
  }

  private Patch operations() {
    List<Patch.Operation> operations = new ArrayList<>();
    while (index < end) {
      String line = lines.get(index);
      if (line.isBlank()) {
        index++;
      } else if (line.startsWith(ADD)) {
        operations.add(addFile(path(line, ADD)));
      } else if (line.startsWith(DELETE)) {
        operations.add(new Patch.DeleteFile(path(line, DELETE)));
        index++;
      } else if (line.startsWith(UPDATE)) {
        operations.add(updateFile(path(line, UPDATE)));
      } else {
        throw syntax("line " + (index + 1) + ": expected '" + ADD.strip() + "', '" + DELETE.strip() + "' or '"
            + UPDATE.strip() + "', found '" + line + "'.");
      }
    }
    return new Patch(operations);
  }

  private String path(String line, String header) {
    String path = line.substring(header.length()).strip();
    if (path.isEmpty()) {
      throw syntax("line " + (index + 1) + ": '" + header.strip() + "' needs a file path.");
    }
    return path;
  }

  private Patch.AddFile addFile(String path) {
    index++;
    List<String> content = new ArrayList<>();
    while (index < end && !isOperation(lines.get(index))) {
      String line = lines.get(index);
      if (line.startsWith("+")) {
        content.add(line.substring(1));
      } else if (line.isEmpty()) {
        content.add("");
      } else {
        throw syntax("line " + (index + 1) + ": every line of an added file must start with '+', found '" + line
            + "' in '" + ADD.strip() + " " + path + "'.");
      }
      index++;
    }
    while (!content.isEmpty() && content.getLast().isEmpty()) {
      content.removeLast(); // blank lines before the next operation are separators, not content
    }
    return new Patch.AddFile(path, content.isEmpty() ? "" : String.join("\n", content) + "\n");
  }

  private Patch.UpdateFile updateFile(String path) {
    int header = index;
    index++;
    Optional<String> moveTo = Optional.empty();
    if (index < end && lines.get(index).startsWith(MOVE)) {
      moveTo = Optional.of(path(lines.get(index), MOVE));
      index++;
    }
    List<Patch.Hunk> hunks = new ArrayList<>();
    HunkBuilder current = null;
    while (index < end && !isOperation(lines.get(index))) {
      String line = lines.get(index);
      if (line.startsWith("@@")) {
        closeHunk(current, hunks, path);
        current = new HunkBuilder(hint(line.substring(2).strip()), index);
      } else if (line.strip().equals(END_OF_FILE)) {
        if (current == null) {
          throw syntax("line " + (index + 1) + ": '" + END_OF_FILE + "' must end a hunk of '" + UPDATE.strip() + " "
              + path + "'.");
        }
        current.endOfFile = true;
      } else if (line.startsWith(" ") || line.startsWith("-") || line.startsWith("+") || line.isEmpty()) {
        if (current == null) {
          current = new HunkBuilder(Optional.empty(), index);
        }
        current.add(line);
      } else {
        throw syntax("line " + (index + 1) + ": unexpected '" + line + "' in '" + UPDATE.strip() + " " + path
            + "'. Hunk lines start with ' ' (context), '-' (remove) or '+' (add); hunks start with '@@'.");
      }
      index++;
    }
    closeHunk(current, hunks, path);
    if (hunks.isEmpty() && moveTo.isEmpty()) {
      throw syntax("line " + (header + 1) + ": '" + UPDATE.strip() + " " + path + "' has no hunks. Add an '@@'"
          + " section with context lines and the lines to remove or add.");
    }
    return new Patch.UpdateFile(path, moveTo, hunks);
  }

  private void closeHunk(HunkBuilder hunk, List<Patch.Hunk> hunks, String path) {
    if (hunk == null) {
      return;
    }
    while (!hunk.lines.isEmpty() && hunk.lines.getLast().text().isEmpty()
        && hunk.lines.getLast().kind() == Patch.HunkLine.Kind.CONTEXT && hunk.blankTail > 0) {
      hunk.lines.removeLast(); // blank separator lines before the next '@@' or operation
      hunk.blankTail--;
    }
    if (hunk.lines.isEmpty()) {
      throw syntax("line " + (hunk.line + 1) + ": a hunk of '" + UPDATE.strip() + " " + path + "' has no lines.");
    }
    hunks.add(new Patch.Hunk(hunk.hint, hunk.lines, hunk.endOfFile));
  }

  /** A unified-diff range header carries no useful hint; the text after it may. */
  private static Optional<String> hint(String text) {
    Matcher range = UNIFIED_RANGE.matcher(text);
    if (range.matches()) {
      text = range.group(1) == null ? "" : range.group(1).strip();
    }
    if (text.endsWith("@@")) {
      text = text.substring(0, text.length() - 2).strip();
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static boolean isOperation(String line) {
    return line.startsWith(ADD) || line.startsWith(DELETE) || line.startsWith(UPDATE);
  }

  private static int firstNonBlank(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  private static int lastNonBlank(List<String> lines) {
    return lastNonBlankBefore(lines, lines.size());
  }

  private static int lastNonBlankBefore(List<String> lines, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  private static ToolException syntax(String message) {
    return new ToolException(ToolException.Kind.PATCH_SYNTAX, "Invalid patch: " + message);
  }

  /** A hunk being read. */
  private static final class HunkBuilder {
    final Optional<String> hint;
    final int line;
    final List<Patch.HunkLine> lines = new ArrayList<>();
    boolean endOfFile;
    int blankTail;

    HunkBuilder(Optional<String> hint, int line) {
      this.hint = hint;
      this.line = line;
    }

    void add(String line) {
      if (line.isEmpty()) {
        lines.add(new Patch.HunkLine(Patch.HunkLine.Kind.CONTEXT, ""));
        blankTail++;
        return;
      }
      blankTail = 0;
      Patch.HunkLine.Kind kind = switch (line.charAt(0)) {
        case '-' -> Patch.HunkLine.Kind.DELETE;
        case '+' -> Patch.HunkLine.Kind.ADD;
        default -> Patch.HunkLine.Kind.CONTEXT;
      };
      lines.add(new Patch.HunkLine(kind, line.substring(1)));
    }
  }
}
