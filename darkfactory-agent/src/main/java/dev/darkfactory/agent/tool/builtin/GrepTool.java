package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.env.GrepOptions;
import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import java.util.List;
import java.util.Locale;

/**
 * {@code grep} (coding-agent-loop-spec §3.3): regex search through the environment (ripgrep or the
 * equivalent Java search). The Anthropic profile adds Claude Code's output modes (§3.5).
 */
public final class GrepTool extends BuiltinTool {
  public GrepTool(boolean outputModes) {
    super(definition(outputModes));
  }

  private static ToolDefinition definition(boolean outputModes) {
    Schema schema =
        Schema.object()
            .string("pattern", "Regular expression to search for.", true)
            .string("path", "Directory or file to search (default: the working directory).", false)
            .string("glob_filter", "Only search files matching this glob, e.g. '*.py' or 'src/**/*.ts'.", false)
            .bool("case_insensitive", "Ignore case (default false).", false)
            .integer("max_results", "Maximum number of results (default " + GrepOptions.DEFAULT_MAX_RESULTS + ").", false);
    if (outputModes) {
      schema.enumeration("output_mode", "'content' (matching lines, default), 'files_with_matches' (file paths)"
          + " or 'count' (matches per file).", List.of("content", "files_with_matches", "count"), false);
    }
    return new ToolDefinition("grep",
        "Search file contents using regex patterns. Returns matching lines as path:line:text, sorted by path."
            + " Hidden files and files ignored by .gitignore are skipped.",
        schema.build());
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    GrepOptions options = new GrepOptions(
        arguments.optionalString("glob_filter").filter(glob -> !glob.isBlank()),
        arguments.flag("case_insensitive", false),
        Math.max(1, arguments.optionalInt("max_results").orElse(GrepOptions.DEFAULT_MAX_RESULTS)),
        arguments.optionalString("output_mode").map(GrepTool::mode).orElse(GrepOptions.OutputMode.CONTENT));
    String path = arguments.optionalString("path").orElse("");
    return ToolOutput.text(context.environment().grep(arguments.string("pattern"), path, options));
  }

  private static GrepOptions.OutputMode mode(String name) {
    return GrepOptions.OutputMode.valueOf(name.toUpperCase(Locale.ROOT));
  }
}
