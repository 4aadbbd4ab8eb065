package dev.darkfactory.agent.profile;

import dev.darkfactory.agent.internal.Json;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolRegistry;
import dev.darkfactory.agent.tool.builtin.EditFileTool;
import dev.darkfactory.agent.tool.builtin.GlobTool;
import dev.darkfactory.agent.tool.builtin.GrepTool;
import dev.darkfactory.agent.tool.builtin.ListDirTool;
import dev.darkfactory.agent.tool.builtin.ReadFileTool;
import dev.darkfactory.agent.tool.builtin.ReadManyFilesTool;
import dev.darkfactory.agent.tool.builtin.ShellTool;
import dev.darkfactory.agent.tool.builtin.SubagentTools;
import dev.darkfactory.agent.tool.builtin.WriteFileTool;
import dev.darkfactory.llm.catalog.ModelCatalog;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * For Gemini 3 and later, aligned with gemini-cli (coding-agent-loop-spec §3.6): {@code read_file}
 * and {@code read_many_files}, {@code write_file}, {@code edit_file} with gemini-cli's {@code
 * expected_replacements}, {@code shell} (10 s default), {@code grep}, {@code glob}, {@code
 * list_dir}, and the subagent tools. Safety settings go through {@code provider_options.gemini}:
 * code that mentions exploits, passwords or violence in tests should not be blocked mid-task.
 */
public final class GeminiProfile extends BaseProfile {
  public static final int DEFAULT_CONTEXT_WINDOW = 1_048_576;
  public static final String DEFAULT_MODEL = "gemini-3.1-pro-preview";
  private static final List<String> SAFETY_CATEGORIES = List.of(
      "HARM_CATEGORY_HARASSMENT", "HARM_CATEGORY_HATE_SPEECH", "HARM_CATEGORY_SEXUALLY_EXPLICIT",
      "HARM_CATEGORY_DANGEROUS_CONTENT");

  private GeminiProfile(ProfileSettings settings, ToolRegistry registry, ModelCatalog catalog) {
    super(settings, registry, catalog, "gemini.md");
  }

  public static GeminiProfile create(String model) {
    return create("gemini", model, ModelCatalog.bundled());
  }

  public static GeminiProfile create(String providerId, String model, ModelCatalog catalog) {
    return new GeminiProfile(ProfileSettings.of(providerId, model, catalog), ToolRegistry.of(nativeTools()), catalog);
  }

  static List<Tool> nativeTools() {
    List<Tool> tools = new ArrayList<>(List.of(
        new ReadFileTool(),
        new ReadManyFilesTool(),
        new WriteFileTool(),
        new EditFileTool(EditFileTool.Convention.GEMINI_CLI),
        new ShellTool(),
        new GrepTool(false),
        new GlobTool(),
        new ListDirTool()));
    tools.addAll(SubagentTools.all());
    return tools;
  }

  /** {@code safetySettings} at {@code BLOCK_ONLY_HIGH} for every category. */
  @Override
  public JsonNode providerOptions() {
    ObjectNode options = Json.object();
    ArrayNode safety = options.putObject("gemini").putArray("safetySettings");
    for (String category : SAFETY_CATEGORIES) {
      safety.addObject().put("category", category).put("threshold", "BLOCK_ONLY_HIGH");
    }
    return options;
  }

  @Override
  public int contextWindowSize() {
    return settings().contextWindow(DEFAULT_CONTEXT_WINDOW);
  }

  @Override
  public List<String> projectDocFiles() {
    return docs("GEMINI.md");
  }

  @Override
  public GeminiProfile withModel(String model) {
    return new GeminiProfile(settings().withModel(model, catalog()), toolRegistry(), catalog());
  }
}
