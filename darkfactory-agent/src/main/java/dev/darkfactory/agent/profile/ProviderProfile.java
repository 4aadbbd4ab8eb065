package dev.darkfactory.agent.profile;

import dev.darkfactory.agent.prompt.EnvironmentContext;
import dev.darkfactory.agent.tool.ToolRegistry;
import dev.darkfactory.llm.ToolDefinition;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The tools and system prompt for one model family (coding-agent-loop-spec §3.2): each provider's
 * models get the tool set and instructions of their native agent. Register extra tools on {@link
 * #toolRegistry()}; a tool with an existing name replaces it (§3.7).
 */
public interface ProviderProfile {

  /** The provider requests are routed to ("openai", "anthropic", "gemini", or a gateway's name). */
  String id();

  String model();

  ToolRegistry toolRegistry();

  /** The layered system prompt (§6.1) without the user-instructions layer, which the session adds. */
  String buildSystemPrompt(EnvironmentContext environment, String projectDocs);

  /** The tool definitions sent to the model. */
  default List<ToolDefinition> tools() {
    return toolRegistry().definitions();
  }

  /** Provider options keyed by provider name, e.g. {@code {"anthropic": {"beta_headers": [...]}}}. */
  JsonNode providerOptions();

  boolean supportsReasoning();

  boolean supportsStreaming();

  boolean supportsParallelToolCalls();

  /** In tokens, for the context usage warning (§5.5). */
  int contextWindowSize();

  /** Instruction files this profile loads (§6.5): {@code AGENTS.md} and its provider's own. */
  List<String> projectDocFiles();

  /** The output token limit to request when the session sets none. */
  Optional<Integer> defaultMaxOutputTokens();

  /** How the model is named in the environment block (§6.3). */
  String displayName();

  Optional<String> knowledgeCutoff();

  /** The same profile for another model, sharing this profile's tool registry (§7.3 model override). */
  ProviderProfile withModel(String model);
}
