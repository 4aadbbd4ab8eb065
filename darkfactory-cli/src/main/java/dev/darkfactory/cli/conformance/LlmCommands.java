package dev.darkfactory.cli.conformance;

import dev.darkfactory.cli.render.UnifiedJson;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.ConfigurationException;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.NoObjectGeneratedException;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.RetryPolicy;
import dev.darkfactory.llm.Role;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.catalog.ModelInfo;
import dev.darkfactory.llm.generate.GenerateOptions;
import dev.darkfactory.llm.generate.GenerateResult;
import dev.darkfactory.llm.generate.Generator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tier 1 of the benchmark: the unified LLM client (unified-llm-spec) behind {@code client-from-env},
 * {@code list-models}, {@code complete}, {@code stream}, {@code tool-call} and {@code
 * generate-object}. Every call goes through {@link Client} and its adapters; nothing here speaks
 * HTTP itself.
 */
final class LlmCommands {
  private final ConformanceIo io;

  LlmCommands(ConformanceIo io) {
    this.io = io;
  }

  /** Exit 0 when at least one provider is configured (an empty variable counts as unset, 2.2). */
  int clientFromEnv() {
    try (Client client = BenchClients.fromEnv(io.environment())) {
      if (client.providerNames().isEmpty()) {
        throw new ConformanceFailure("configuration", "no LLM provider is configured: every provider key is unset or empty",
            "Set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY.");
      }
      ObjectNode json = BenchJson.object().put("status", "ok");
      ArrayNode providers = json.putArray("providers");
      client.providerNames().forEach(providers::add);
      client.defaultProvider().ifPresent(name -> json.put("default_provider", name));
      print(json);
      return 0;
    }
  }

  /** The model catalog (2.9), including models a providers file declares. Offline. */
  int listModels() {
    try (Client client = BenchClients.fromEnv(io.environment())) {
      ArrayNode models = BenchJson.MAPPER.createArrayNode();
      client.catalog().listModels().forEach(info -> models.add(model(info)));
      io.out().println(BenchJson.write(models));
      return 0;
    }
  }

  private static ObjectNode model(ModelInfo info) {
    ObjectNode json = BenchJson.object()
        .put("id", info.id())
        .put("provider", info.provider())
        .put("display_name", info.displayName())
        .put("context_window", info.contextWindow())
        .put("supports_tools", info.supportsTools())
        .put("supports_vision", info.supportsVision())
        .put("supports_reasoning", info.supportsReasoning());
    info.maxOutput().ifPresent(max -> json.put("max_output", max));
    info.inputCostPerMillion().map(BigDecimal::doubleValue).ifPresent(cost -> json.put("input_cost_per_million", cost));
    info.outputCostPerMillion().map(BigDecimal::doubleValue).ifPresent(cost -> json.put("output_cost_per_million", cost));
    ArrayNode aliases = json.putArray("aliases");
    info.aliases().forEach(aliases::add);
    return json;
  }

  /** One request, one unified response (4.1); transient errors retried per 6.6. */
  int complete() {
    BenchRequest bench = BenchRequest.parse(io.readStdin());
    try (Client client = client(bench)) {
      Request request = routed(client, bench);
      Response response = RetryPolicy.defaults().execute(() -> client.complete(request));
      print(UnifiedJson.response(response));
      return 0;
    }
  }

  /** The response's events as NDJSON (4.2); the last line is {@code finish} with {@code "done": true}. */
  int stream() {
    BenchRequest bench = BenchRequest.parse(io.readStdin());
    try (Client client = client(bench)) {
      Request request = routed(client, bench);
      try (EventStream events = RetryPolicy.defaults().execute(() -> client.stream(request))) {
        for (StreamEvent event : events) {
          UnifiedJson.event(event).ifPresent(line -> {
            io.out().println(BenchJson.write(line));
            io.out().flush();
          });
          if (event instanceof StreamEvent.Error) {
            return 1;
          }
        }
      }
      return 0;
    }
  }

  /** {@code tool-call}: the model's response with its tool calls (name and parsed arguments). */
  int toolCall() {
    return complete();
  }

  /**
   * Structured output (4.5). An answer that is not valid JSON for the schema is reported as an
   * error object with exit 0, as the contract asks: the command worked, the model did not comply.
   */
  int generateObject() {
    BenchRequest bench = BenchRequest.parse(io.readStdin());
    JsonNode schema = bench.responseSchema().orElseThrow(() -> ConformanceFailure.invalidRequest("generate-object needs \"response_schema\""));
    try (Client client = client(bench)) {
      Request request = routed(client, bench);
      GenerateOptions.Builder options = GenerateOptions.builder(request.model()).provider(request.provider().orElseThrow())
          .messages(nonSystem(request.messages()));
      system(request.messages()).ifPresent(options::system);
      request.maxTokens().ifPresent(options::maxTokens);
      try {
        GenerateResult result = new Generator(client).generateObject(options.build(), schema);
        JsonNode object = result.output().orElseGet(BenchJson::object);
        print(object.isObject() ? (ObjectNode) object : BenchJson.object().set("object", object));
      } catch (NoObjectGeneratedException e) {
        ObjectNode error = UnifiedJson.error(e);
        e.text().ifPresent(text -> error.put("text", text));
        print(error);
      }
      return 0;
    }
  }

  private static List<Message> nonSystem(List<Message> messages) {
    return messages.stream().filter(m -> m.role() != Role.SYSTEM).toList();
  }

  private static Optional<String> system(List<Message> messages) {
    List<String> texts = messages.stream().filter(m -> m.role() == Role.SYSTEM).map(Message::text).toList();
    return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
  }

  private Client client(BenchRequest bench) {
    return bench.testEndpoint().isPresent()
        ? BenchClients.withTestEndpoint(io.environment(), bench.request().provider(), bench.testEndpoint().get())
        : BenchClients.fromEnv(io.environment());
  }

  /**
   * Chooses the provider (the request's, else the model's catalog provider when registered, else the
   * default, 2.2) and verifies the model: a name that neither the catalog nor the provider's own
   * model list knows is rejected (see docs/spec-conformance.md, "AttractorBench").
   */
  private static Request routed(Client client, BenchRequest bench) {
    Request request = bench.request();
    String provider = request.provider()
        .or(() -> client.catalog().getModelInfo(request.model()).map(ModelInfo::provider).filter(client.providerNames()::contains))
        .or(client::defaultProvider)
        .orElseThrow(() -> new ConfigurationException("No LLM provider is configured",
            "Set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY."));
    if (bench.testEndpoint().isEmpty()) {
      client.verifyModel(provider, request.model());
    }
    return request.toBuilder().provider(provider).build();
  }

  private void print(ObjectNode json) {
    io.out().println(BenchJson.write(json));
  }

  /** Errors of the LLM layer become the contract's error document. */
  static ObjectNode errorJson(LlmException error) {
    return UnifiedJson.error(error);
  }
}
