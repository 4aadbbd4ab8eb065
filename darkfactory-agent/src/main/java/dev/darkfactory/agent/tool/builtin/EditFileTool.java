package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.edit.StringReplacement;
import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * {@code edit_file} (coding-agent-loop-spec §3.3): exact search and replace. Two conventions: Claude
 * Code's {@code replace_all} flag (§3.5) and gemini-cli's {@code expected_replacements} count
 * (§3.6).
 */
public final class EditFileTool extends FileChangingTool {

  /** Whose parameter convention the tool follows. */
  public enum Convention {
    CLAUDE_CODE,
    GEMINI_CLI
  }

  private final Convention convention;

  public EditFileTool(Convention convention, String description) {
    super(definition(convention, description));
    this.convention = convention;
  }

  private static ToolDefinition definition(Convention convention, String description) {
    Schema schema =
        Schema.object()
            .string("file_path", "Path of the file to edit.", true)
            .string("old_string", "The exact text to replace, including whitespace and indentation. It must"
                + " match the file exactly and, unless told otherwise, occur exactly once.", true)
            .string("new_string", "The text to put in its place.", true);
    schema = switch (convention) {
      case CLAUDE_CODE -> schema.bool("replace_all", "Replace every occurrence (default false).", false);
      case GEMINI_CLI -> schema.integer("expected_replacements",
          "How many occurrences to replace; the edit fails if the count differs (default 1).", false);
    };
    return new ToolDefinition("edit_file", description, schema.build());
  }

  public EditFileTool(Convention convention) {
    this(convention, "Replace an exact string occurrence in a file. Read the file first; old_string must be"
        + " unique in the file (add surrounding lines to make it so) unless you ask for several replacements.");
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    String path = arguments.string("file_path");
    String content = new String(context.environment().readBytes(path), StandardCharsets.UTF_8);
    OptionalInt expected = switch (convention) {
      case CLAUDE_CODE -> OptionalInt.empty();
      case GEMINI_CLI -> OptionalInt.of(arguments.optionalInt("expected_replacements").orElse(1));
    };
    StringReplacement.Result result = StringReplacement.apply(
        path, content, arguments.string("old_string"), arguments.string("new_string"),
        arguments.flag("replace_all", false), expected);
    context.environment().writeFile(path, result.content());
    String fuzzy = result.fuzzyLevel()
        .map(level -> " (old_string matched after normalizing whitespace/punctuation: " + level.name().toLowerCase(java.util.Locale.ROOT) + ")")
        .orElse("");
    return ToolOutput.text("Replaced " + result.replacements() + " occurrence" + (result.replacements() == 1 ? "" : "s")
        + " in " + path + "." + fuzzy);
  }
}
