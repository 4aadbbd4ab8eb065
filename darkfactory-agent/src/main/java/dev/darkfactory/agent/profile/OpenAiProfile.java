package dev.darkfactory.agent.profile;

import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolRegistry;
import dev.darkfactory.agent.tool.builtin.ApplyPatchTool;
import dev.darkfactory.agent.tool.builtin.GlobTool;
import dev.darkfactory.agent.tool.builtin.GrepTool;
import dev.darkfactory.agent.tool.builtin.ReadFileTool;
import dev.darkfactory.agent.tool.builtin.ShellTool;
import dev.darkfactory.agent.tool.builtin.SubagentTools;
import dev.darkfactory.agent.tool.builtin.WriteFileTool;
import dev.darkfactory.llm.catalog.ModelCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * For GPT-5 and later OpenAI models, aligned with codex-rs (coding-agent-loop-spec §3.4): {@code
 * apply_patch} (v4a) for edits, {@code write_file} for new files, {@code shell} with the session's
 * 10 s default, {@code grep}, {@code glob}, and the subagent tools. Reasoning effort goes on the
 * request, where the Responses adapter maps it to {@code reasoning.effort}.
 */
public final class OpenAiProfile extends BaseProfile {
  /** Used when the catalog does not know the model (GPT-5 class models). */
  public static final int DEFAULT_CONTEXT_WINDOW = 400_000;
  public static final String DEFAULT_MODEL = "gpt-5.2";

  private OpenAiProfile(ProfileSettings settings, ToolRegistry registry, ModelCatalog catalog) {
    super(settings, registry, catalog, "openai.md");
  }

  public static OpenAiProfile create(String model) {
    return create("openai", model, ModelCatalog.bundled());
  }

  /** A profile routed to {@code providerId} (an OpenAI-compatible gateway, say) with codex-style tools. */
  public static OpenAiProfile create(String providerId, String model, ModelCatalog catalog) {
    return new OpenAiProfile(ProfileSettings.of(providerId, model, catalog), ToolRegistry.of(nativeTools()), catalog);
  }

  static List<Tool> nativeTools() {
    List<Tool> tools = new ArrayList<>(List.of(
        new ReadFileTool(),
        new ApplyPatchTool(),
        new WriteFileTool("Write content to a file, creating parent directories. Use it to create new files;"
            + " change existing files with apply_patch."),
        new ShellTool(),
        new GrepTool(false),
        new GlobTool()));
    tools.addAll(SubagentTools.all());
    return tools;
  }

  @Override
  public int contextWindowSize() {
    return settings().contextWindow(DEFAULT_CONTEXT_WINDOW);
  }

  @Override
  public List<String> projectDocFiles() {
    return docs(".codex/instructions.md");
  }

  @Override
  public OpenAiProfile withModel(String model) {
    return new OpenAiProfile(settings().withModel(model, catalog()), toolRegistry(), catalog());
  }
}
