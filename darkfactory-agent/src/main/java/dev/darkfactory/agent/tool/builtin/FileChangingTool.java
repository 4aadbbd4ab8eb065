package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.llm.ToolDefinition;

/** A built-in tool that writes files ({@code write_file}, {@code edit_file}, {@code apply_patch}). */
abstract sealed class FileChangingTool extends BuiltinTool permits ApplyPatchTool, EditFileTool, WriteFileTool {

  FileChangingTool(ToolDefinition definition) {
    super(definition);
  }

  /** Edits run alone and in order, so two changes of one file cannot interleave. */
  @Override
  public final boolean concurrencySafe() {
    return false;
  }
}
