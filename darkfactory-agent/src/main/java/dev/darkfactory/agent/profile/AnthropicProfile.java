package dev.darkfactory.agent.profile;

import dev.darkfactory.agent.internal.Json;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolRegistry;
import dev.darkfactory.agent.tool.builtin.EditFileTool;
import dev.darkfactory.agent.tool.builtin.GlobTool;
import dev.darkfactory.agent.tool.builtin.GrepTool;
import dev.darkfactory.agent.tool.builtin.ReadFileTool;
import dev.darkfactory.agent.tool.builtin.ShellTool;
import dev.darkfactory.agent.tool.builtin.SubagentTools;
import dev.darkfactory.agent.tool.builtin.WriteFileTool;
import dev.darkfactory.llm.catalog.ModelCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * For Claude models, aligned with Claude Code (coding-agent-loop-spec §3.5): {@code edit_file} with
 * {@code old_string}/{@code new_string} (never apply_patch), {@code shell} with a 120 s default,
 * {@code grep} with output modes, {@code glob}, and the subagent tools. Beta headers go through
 * {@code provider_options.anthropic.beta_headers}.
 */
public final class AnthropicProfile extends BaseProfile {
  public static final int DEFAULT_CONTEXT_WINDOW = 200_000;
  public static final String DEFAULT_MODEL = "claude-sonnet-4-5";
  /** Claude Code's shell default (§3.5). */
  public static final Duration SHELL_TIMEOUT = Duration.ofSeconds(120);
  /** Thinking between tool calls, for models with extended thinking. */
  public static final List<String> DEFAULT_BETA_HEADERS = List.of("interleaved-thinking-2025-05-14");
  /**
   * Output tokens per call. Claude Code asks for large outputs too: a small limit (the API's 4096
   * default) cuts a large file write short.
   */
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 32_000;

  private final List<String> betaHeaders;

  private AnthropicProfile(ProfileSettings settings, ToolRegistry registry, ModelCatalog catalog, List<String> betaHeaders) {
    super(settings, registry, catalog, "anthropic.md");
    this.betaHeaders = List.copyOf(betaHeaders);
  }

  public static AnthropicProfile create(String model) {
    return create("anthropic", model, ModelCatalog.bundled());
  }

  public static AnthropicProfile create(String providerId, String model, ModelCatalog catalog) {
    return new AnthropicProfile(ProfileSettings.of(providerId, model, catalog), ToolRegistry.of(nativeTools()), catalog,
        DEFAULT_BETA_HEADERS);
  }

  static List<Tool> nativeTools() {
    List<Tool> tools = new ArrayList<>(List.of(
        new ReadFileTool(),
        new WriteFileTool(),
        new EditFileTool(EditFileTool.Convention.CLAUDE_CODE),
        new ShellTool("Execute a bash command and return its output, exit code and duration. The default timeout"
            + " is 120000 ms; set timeout_ms (up to the session maximum) for longer builds and tests.",
            Optional.of(SHELL_TIMEOUT)),
        new GrepTool(true),
        new GlobTool()));
    tools.addAll(SubagentTools.all());
    return tools;
  }

  /** The same profile sending other beta headers (empty to send none). */
  public AnthropicProfile withBetaHeaders(List<String> headers) {
    return new AnthropicProfile(settings(), toolRegistry(), catalog(), headers);
  }

  @Override
  public JsonNode providerOptions() {
    ObjectNode options = Json.object();
    if (!betaHeaders.isEmpty()) {
      var array = options.putObject("anthropic").putArray("beta_headers");
      betaHeaders.forEach(array::add);
    }
    return options;
  }

  @Override
  public int contextWindowSize() {
    return settings().contextWindow(DEFAULT_CONTEXT_WINDOW);
  }

  @Override
  public Optional<Integer> defaultMaxOutputTokens() {
    int catalogLimit = settings().info().flatMap(info -> info.maxOutput()).orElse(DEFAULT_MAX_OUTPUT_TOKENS);
    return Optional.of(Math.min(catalogLimit, DEFAULT_MAX_OUTPUT_TOKENS));
  }

  @Override
  public List<String> projectDocFiles() {
    return docs("CLAUDE.md");
  }

  @Override
  public AnthropicProfile withModel(String model) {
    return new AnthropicProfile(settings().withModel(model, catalog()), toolRegistry(), catalog(), betaHeaders);
  }
}
