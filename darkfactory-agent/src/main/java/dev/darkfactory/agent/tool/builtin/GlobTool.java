package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import java.util.List;

/** {@code glob} (coding-agent-loop-spec §3.3): files by name pattern, newest first. */
public final class GlobTool extends BuiltinTool {
  public GlobTool() {
    super(
        new ToolDefinition(
            "glob",
            "Find files matching a glob pattern such as '**/*.ts' or 'src/*.java'. Returns paths sorted by"
                + " modification time, newest first. Files ignored by .gitignore are skipped.",
            Schema.object()
                .string("pattern", "Glob pattern, matched against paths relative to path.", true)
                .string("path", "Base directory (default: the working directory).", false)
                .build()));
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    String pattern = arguments.string("pattern");
    List<String> files = context.environment().glob(pattern, arguments.optionalString("path").orElse(""));
    return ToolOutput.text(files.isEmpty() ? "No files found matching " + pattern + "." : String.join("\n", files));
  }
}
