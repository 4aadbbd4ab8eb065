package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.env.DirEntry;
import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import java.util.List;

/** {@code list_dir} (coding-agent-loop-spec §3.6, gemini-cli): a directory listing to a depth. */
public final class ListDirTool extends BuiltinTool {
  public ListDirTool() {
    super(
        new ToolDefinition(
            "list_dir",
            "List the files and directories in a directory. Directories end with '/'; files show their size.",
            Schema.object()
                .string("path", "Directory to list (default: the working directory).", false)
                .integer("depth", "How many levels to descend (default 1: only the directory's own entries).", false)
                .build()));
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    String path = arguments.optionalString("path").orElse("");
    int depth = Math.max(1, arguments.optionalInt("depth").orElse(1));
    List<DirEntry> entries = context.environment().listDirectory(path, depth);
    if (entries.isEmpty()) {
      return ToolOutput.text("[" + (path.isEmpty() ? "the working directory" : path) + " is empty]");
    }
    StringBuilder out = new StringBuilder();
    for (DirEntry entry : entries) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(entry.name());
      if (entry.isDir()) {
        out.append('/');
      } else {
        entry.size().ifPresent(size -> out.append(" (").append(size).append(" bytes)"));
      }
    }
    return ToolOutput.text(out.toString());
  }
}
