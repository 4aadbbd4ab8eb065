package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.NoObjectGeneratedException;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolResult;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.llm.internal.json.PartialJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The high-level API (unified-llm-spec §4.3-4.6, layer 4) over one {@link Client}: {@code generate}, {@code stream},
 * {@code generateObject}, {@code streamObject}, with the multi-step tool loop (§5.6), parallel tool execution
 * (§5.7), argument validation and repair (§5.8), per-call retries (§6.6), cancellation and timeouts (§4.7).
 *
 * <p>There is no module-level default client: build one with {@code Client.fromEnv()} and pass it here (the
 * project forbids global mutable state; see docs/spec-conformance.md).
 */
public final class Generator {

  private final Client client;
  private final JsonSchemaValidator validator = new JsonSchemaValidator();

  public Generator(Client client) {
    this.client = client;
  }

  /** A generator over {@link Client#fromEnv()}: the spec's implicit default client, as an explicit instance. */
  public static Generator fromEnv() {
    return new Generator(Client.fromEnv());
  }

  public Client client() {
    return client;
  }

  /** Generates, executing active tools until the model stops calling them or a limit is hit (§4.3, §5.6). */
  public GenerateResult generate(GenerateOptions options) {
    Operation operation = Operation.start(options);
    try {
      ToolExecutor executor = new ToolExecutor(validator, options.repairToolCall());
      List<Message> conversation = new ArrayList<>(options.initialConversation());
      List<StepResult> steps = new ArrayList<>();
      for (int round = 0; ; round++) {
        Request request = options.request(conversation, operation.signal());
        Response response = options.retryPolicy().execute(() -> client.complete(request), Optional.of(operation.signal()));
        List<ToolResult> results = shouldExecute(options, response, round)
            ? executor.executeAll(response.toolCalls(), toolsByName(options), conversation, operation.signal())
            : List.of();
        operation.signal().throwIfAborted();
        steps.add(new StepResult(response, response.toolCalls(), results));
        if (results.isEmpty() || (options.stopWhen().isPresent() && options.stopWhen().get().shouldStop(steps))) {
          return GenerateResult.of(steps);
        }
        conversation.addAll(continuation(response, results));
      }
    } finally {
      operation.finish();
    }
  }

  /** Streams, with the same tool loop; steps are separated by {@code STEP_FINISH} events (§4.4, §5.9). */
  public StreamResult stream(GenerateOptions options) {
    Operation operation = Operation.start(options);
    StreamResult result = new StreamResult(operation);
    StreamLoop loop = new StreamLoop(client, options, operation, new ToolExecutor(validator, options.repairToolCall()), result);
    Thread.ofVirtual().name("llm-stream").start(loop);
    return result;
  }

  /** Generates a JSON value matching {@code schema}, parsed and validated (§4.5). */
  public GenerateResult generateObject(GenerateOptions options, JsonNode schema) {
    GenerateResult result = generate(options.withResponseFormat(ResponseFormat.jsonSchema(schema, true)));
    return result.withOutput(parseObject(result.text(), result.finishReason(), schema));
  }

  /** Streams a JSON value matching {@code schema}, yielding partial objects as tokens arrive (§4.6). */
  public ObjectStreamResult streamObject(GenerateOptions options, JsonNode schema) {
    StreamResult stream = stream(options.withResponseFormat(ResponseFormat.jsonSchema(schema, true)));
    return new ObjectStreamResult(stream, text -> parseObject(text, stream.response().finishReason(), schema));
  }

  /** Parses and validates structured output; failures are {@link NoObjectGeneratedException}, never retried. */
  JsonNode parseObject(String text, FinishReason finishReason, JsonNode schema) {
    if (finishReason.reason() == FinishReason.Reason.LENGTH) {
      throw new NoObjectGeneratedException("The structured output was cut off at max_tokens", text);
    }
    JsonNode value = Json.tryParse(PartialJson.stripFence(text))
        .orElseThrow(() -> new NoObjectGeneratedException("The model's answer is not valid JSON", text));
    JsonNode normalized = dropNullOptionals(value, schema);
    Optional<String> errors = validator.validate(schema, normalized);
    if (errors.isPresent()) {
      throw new NoObjectGeneratedException("The model's answer does not match the schema: " + errors.get(), text);
    }
    return normalized;
  }

  /**
   * Strict mode (OpenAI) makes optional properties required and nullable, so the model sends nulls for what it
   * would have omitted; removing those restores a value that validates against the caller's original schema.
   */
  static JsonNode dropNullOptionals(JsonNode value, JsonNode schema) {
    if (!(value instanceof ObjectNode object) || !schema.path("properties").isObject()) {
      return value;
    }
    ObjectNode copy = object.deepCopy();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asString()));
    for (String name : new ArrayList<>(copy.propertyNames())) {
      JsonNode property = copy.get(name);
      if (property.isNull() && !required.contains(name)) {
        copy.remove(name);
      } else {
        copy.set(name, dropNullOptionals(property, schema.path("properties").path(name)));
      }
    }
    return copy;
  }

  /** §5.6: execute only when the model asked for tools, budget remains, and every call can run automatically. */
  static boolean shouldExecute(GenerateOptions options, Response response, int round) {
    List<ToolCall> calls = response.toolCalls();
    if (calls.isEmpty() || response.finishReason().reason() != FinishReason.Reason.TOOL_CALLS || round >= options.maxToolRounds()) {
      return false;
    }
    Map<String, Tool> tools = toolsByName(options);
    // A call to a passive tool hands the whole step back to the caller, who owns that execution.
    return calls.stream().noneMatch(call -> tools.containsKey(call.name()) && !tools.get(call.name()).isActive());
  }

  static Map<String, Tool> toolsByName(GenerateOptions options) {
    Map<String, Tool> tools = new LinkedHashMap<>();
    options.tools().forEach(tool -> tools.put(tool.name(), tool));
    return tools;
  }

  /** The assistant message with its calls, then one tool message per result, in call order (§5.7). */
  static List<Message> continuation(Response response, List<ToolResult> results) {
    List<Message> messages = new ArrayList<>();
    messages.add(response.message());
    results.forEach(result -> messages.add(Message.toolResult(result)));
    return messages;
  }

  /** The cancellation scope of one high-level call: the caller's signal, plus the total deadline. */
  record Operation(AbortSignal signal, AbortSignal.Registration deadline) {
    static Operation start(GenerateOptions options) {
      AbortSignal signal = options.abortSignal().map(AbortSignal::child).orElseGet(AbortSignal::create);
      AbortSignal.Registration deadline = options.timeout().total()
          .map(total -> signal.abortAfter(total, "The generation"))
          .orElse(() -> {});
      return new Operation(signal, deadline);
    }

    void finish() {
      deadline.remove();
      signal.release();
    }
  }
}
