package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import java.nio.charset.StandardCharsets;

/** {@code write_file} (coding-agent-loop-spec §3.3): writes a whole file, creating directories. */
public final class WriteFileTool extends FileChangingTool {
  public WriteFileTool(String description) {
    super(
        new ToolDefinition(
            "write_file",
            description,
            Schema.object()
                .string("file_path", "Path of the file to write, absolute or relative to the working directory.", true)
                .string("content", "The full content of the file.", true)
                .build()));
  }

  public WriteFileTool() {
    this("Write content to a file. Creates the file and parent directories if needed; replaces an existing"
        + " file entirely.");
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    String path = arguments.string("file_path");
    String content = arguments.string("content");
    boolean existed = context.environment().fileExists(path);
    context.environment().writeFile(path, content);
    int bytes = content.getBytes(StandardCharsets.UTF_8).length;
    return ToolOutput.text((existed ? "Overwrote " : "Created ") + path + " (" + bytes + " bytes written).");
  }
}
