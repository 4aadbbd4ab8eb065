package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.edit.PatchApplier;
import dev.darkfactory.agent.edit.PatchParser;
import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;

/** {@code apply_patch} (coding-agent-loop-spec §3.4, Appendix A): the v4a patch format. */
public final class ApplyPatchTool extends FileChangingTool {
  public ApplyPatchTool() {
    super(
        new ToolDefinition(
            "apply_patch",
            "Apply code changes using the patch format. Supports creating, deleting, and modifying files in a"
                + " single operation. The patch starts with '*** Begin Patch' and ends with '*** End Patch'; each"
                + " file is '*** Add File: path' (lines prefixed '+'), '*** Delete File: path', or '*** Update"
                + " File: path' (optionally '*** Move to: new_path') followed by hunks: '@@ <a line near the"
                + " change>' then context lines prefixed ' ', removed lines '-', added lines '+'. Show 3 lines of"
                + " context around each change. All files change or none do.",
            Schema.object().string("patch", "The patch content in v4a format.", true).build()));
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    return ToolOutput.text(PatchApplier.apply(PatchParser.parse(arguments.string("patch")), context.environment()).summary());
  }
}
