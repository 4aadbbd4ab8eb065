package dev.darkfactory.cli.conformance;

import dev.darkfactory.cli.render.UnifiedJson;
import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.AgentEventJson;
import dev.darkfactory.agent.Session;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.SubmitResult;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.profile.ProviderProfiles;
import dev.darkfactory.agent.tool.ToolCallObserver;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolDispatcher;
import dev.darkfactory.agent.tool.ToolExecution;
import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.ProviderAdapter;
import dev.darkfactory.llm.RetryPolicy;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.provider.anthropic.AnthropicAdapter;
import dev.darkfactory.llm.provider.gemini.GeminiAdapter;
import dev.darkfactory.llm.provider.openai.OpenAIAdapter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tier 2 of the benchmark: the coding-agent loop (coding-agent-loop-spec 2) behind {@code
 * session-create}, {@code process-input}, {@code tool-dispatch}, {@code steering} and {@code
 * events}. Sessions use the default provider's profile (OpenAI when configured, else Anthropic, as
 * the benchmark's mock answers agent requests on those two), the LLM client of tier 1, and a local
 * execution environment in the working directory.
 */
final class AgentCommands {
  /** A bound on tool rounds: the benchmark's mock may answer every request with the same tool call. */
  static final int MAX_TOOL_ROUNDS = 8;
  /** One quick retry: a dead base URL must fail well inside the benchmark's 30 s. */
  static final RetryPolicy RETRIES = RetryPolicy.defaults().withMaxRetries(1);

  private final ConformanceIo io;

  AgentCommands(ConformanceIo io) {
    this.io = io;
  }

  /** {@code {"session_id", "id", "status", "provider", "model"}}; no LLM call. */
  int sessionCreate() {
    try (Client client = BenchClients.fromEnv(io.environment()); Session session = session(client, Optional.empty())) {
      print(BenchJson.object().put("session_id", session.id()).put("id", session.id()).put("status", session.state().wireName())
          .put("provider", session.profile().id()).put("model", session.profile().model()));
      return 0;
    }
  }

  /**
   * Runs one input to completion (2.5): {@code {"prompt", "system_prompt"?, "_test_base_url"?}} in,
   * {@code {"status", "output", "turns", "tool_rounds", "session_id", "usage"}} out. A status other
   * than {@code completed} exits 1, with {@code error} when there is one.
   */
  int processInput() {
    ObjectNode input = BenchJson.parseObject(io.readStdin(), "the input");
    String prompt = Optional.ofNullable(BenchJson.text(input, "prompt")).orElseThrow(() -> ConformanceFailure.invalidRequest("the input has no \"prompt\""));
    Optional<String> system = Optional.ofNullable(BenchJson.text(input, "system_prompt")).filter(s -> !s.isBlank());
    Optional<String> baseUrl = Optional.ofNullable(BenchJson.text(input, "_test_base_url")).filter(s -> !s.isBlank());
    try (Client client = baseUrl.map(this::clientAt).orElseGet(() -> BenchClients.fromEnv(io.environment()));
        Session session = session(client, system)) {
      SubmitResult result = session.submit(prompt);
      ObjectNode json = BenchJson.object().put("status", result.stopReason().wireName()).put("output", result.output())
          .put("turns", result.turns()).put("tool_rounds", result.toolRounds()).put("session_id", session.id())
          .put("state", result.state().wireName());
      json.set("usage", UnifiedJson.usage(result.usage()));
      result.cost().ifPresent(cost -> json.put("cost_usd", cost.total()));
      result.error().ifPresent(error -> json.put("error", error.getMessage()).put("error_type",
          error.getCause() instanceof dev.darkfactory.llm.LlmException llm ? llm.kind() : "agent"));
      print(json);
      return result.completed() ? 0 : 1;
    }
  }

  /**
   * One tool call through the default profile's registry (3.8): {@code {"tool_name", "arguments"}}
   * in, {@code {"output", "is_error", "error"?}} out, exit 0 whenever the call was dispatched (a
   * missing file, an unknown tool and unparsable arguments are error results, as the model would
   * get them).
   */
  int toolDispatch() {
    ObjectNode input = BenchJson.parseObject(io.readStdin(), "the tool call");
    String name = Optional.ofNullable(BenchJson.text(input, "tool_name")).or(() -> Optional.ofNullable(BenchJson.text(input, "name")))
        .orElseThrow(() -> ConformanceFailure.invalidRequest("the tool call has no \"tool_name\""));
    JsonNode arguments = input.path("arguments");
    ToolCall call = arguments.isString() ? parsed(name, arguments.asString()) : ToolCall.of("call_conformance", name,
        arguments.isMissingNode() || arguments.isNull() ? BenchJson.object() : arguments);
    try (Client client = BenchClients.fromEnv(io.environment())) {
      ProviderProfile profile = profile(client);
      LocalExecutionEnvironment environment = LocalExecutionEnvironment.create(io.workdir());
      try {
        ToolExecution execution = ToolDispatcher.of(profile.toolRegistry()).dispatch(call, ToolContext.of(environment), ToolCallObserver.NONE);
        ObjectNode json = BenchJson.object().put("tool_name", name).put("call_id", call.id()).put("output", execution.fullOutput())
            .put("content", execution.modelOutput()).put("is_error", execution.isError());
        if (execution.isError()) {
          json.put("error", execution.fullOutput());
        }
        print(json);
        return 0;
      } finally {
        environment.close();
      }
    }
  }

  /** Queues a steering message on a new session (2.6): {@code {"status": "queued", "acknowledged": true}}. */
  int steering() {
    ObjectNode input = BenchJson.parseObject(io.readStdin(), "the steering message");
    String message = Optional.ofNullable(BenchJson.text(input, "message")).orElseThrow(() -> ConformanceFailure.invalidRequest("the input has no \"message\""));
    try (Client client = BenchClients.fromEnv(io.environment()); Session session = session(client, Optional.empty())) {
      session.steer(message);
      print(BenchJson.object().put("status", "queued").put("acknowledged", true).put("session_id", session.id()).put("message", message));
      return 0;
    }
  }

  /** A short session's events as NDJSON (2.9), from {@code session_start} to {@code session_end}. */
  int events() {
    List<AgentEvent> events = new CopyOnWriteArrayList<>();
    try (Client client = BenchClients.fromEnv(io.environment())) {
      Session session = sessionBuilder(client, Optional.empty()).listener(events::add).build();
      session.submit("Say hello in one short sentence.");
      session.close();
    }
    for (AgentEvent event : events) {
      if (!(event instanceof AgentEvent.AssistantTextDelta)) {
        io.out().println(AgentEventJson.toLine(event));
      }
    }
    return 0;
  }

  private Session session(Client client, Optional<String> system) {
    return sessionBuilder(client, system).build();
  }

  private Session.Builder sessionBuilder(Client client, Optional<String> system) {
    SessionConfig.Builder config = SessionConfig.builder().maxToolRoundsPerInput(MAX_TOOL_ROUNDS).retryPolicy(RETRIES);
    system.ifPresent(config::userInstructions);
    return Session.builder(client, profile(client), LocalExecutionEnvironment.create(io.workdir())).config(config.build()).ownsEnvironment(true);
  }

  /** The default provider's profile; OpenAI, then Anthropic, are preferred over Gemini. */
  private static ProviderProfile profile(Client client) {
    String provider = agentProvider(client);
    return ProviderProfiles.create(provider, Optional.empty(), client.catalog());
  }

  static String agentProvider(Client client) {
    for (String preferred : List.of("openai", "anthropic")) {
      if (client.providerNames().contains(preferred)) {
        return preferred;
      }
    }
    return client.defaultProvider().orElse("openai");
  }

  /** {@code _test_base_url}: the agent's provider at another address (a dead one, to test failures). */
  private Client clientAt(String baseUrl) {
    Environment environment = io.environment();
    String provider;
    try (Client probe = BenchClients.fromEnv(environment)) {
      provider = agentProvider(probe);
    }
    String key = environment.get(provider.toUpperCase(java.util.Locale.ROOT) + "_API_KEY").orElse("test-key");
    AdapterConfig config = AdapterConfig.builder(provider, baseUrl).apiKey(key).timeout(BenchClients.TIMEOUT).build();
    ProviderAdapter adapter = switch (provider) {
      case "anthropic" -> new AnthropicAdapter(config);
      case "gemini" -> new GeminiAdapter(config);
      default -> new OpenAIAdapter(config);
    };
    return Client.builder().provider(adapter).defaultProvider(provider).build();
  }

  private static ToolCall parsed(String name, String raw) {
    try {
      JsonNode json = BenchJson.MAPPER.readTree(raw);
      if (json != null && json.isObject()) {
        return ToolCall.of("call_conformance", name, json);
      }
    } catch (JacksonException notJson) {
      // Handed to the dispatcher unparsed: it answers with its "Invalid arguments" error result.
    }
    return ToolCall.fromRaw("call_conformance", name, raw);
  }

  private void print(ObjectNode json) {
    io.out().println(BenchJson.write(json));
  }

}
