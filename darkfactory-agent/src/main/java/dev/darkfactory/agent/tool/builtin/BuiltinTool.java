package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.llm.ToolDefinition;

/** A built-in tool: a definition fixed when the tool is made, and an executor in the subclass. */
abstract sealed class BuiltinTool implements Tool
    permits FileChangingTool, GlobTool, GrepTool, ListDirTool, ReadFileTool, ReadManyFilesTool, ShellTool {
  private final ToolDefinition definition;

  BuiltinTool(ToolDefinition definition) {
    this.definition = definition;
  }

  @Override
  public final ToolDefinition definition() {
    return definition;
  }
}
