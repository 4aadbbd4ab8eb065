package dev.darkfactory.llm;

import dev.darkfactory.llm.internal.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The single input of {@link Client#complete} and {@link Client#stream} (unified-llm-spec §3.6).
 *
 * <p>Two fields go beyond the spec's record and are never serialized: {@code abortSignal} (cooperative cancellation,
 * §4.7) and {@code timeout} (the total deadline of this one call, the per-step timeout of §4.7).
 *
 * @param providerOptions the escape hatch: an object keyed by provider name, e.g.
 *     {@code {"anthropic": {"thinking": {...}, "beta_headers": [...]}}}; each adapter reads its own key
 */
public record Request(
    String model,
    List<Message> messages,
    Optional<String> provider,
    List<ToolDefinition> tools,
    Optional<ToolChoice> toolChoice,
    Optional<ResponseFormat> responseFormat,
    Optional<Double> temperature,
    Optional<Double> topP,
    Optional<Integer> maxTokens,
    List<String> stopSequences,
    Optional<String> reasoningEffort,
    Map<String, String> metadata,
    JsonNode providerOptions,
    Optional<AbortSignal> abortSignal,
    Optional<Duration> timeout) {

  public Request {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    Objects.requireNonNull(provider, "provider");
    tools = List.copyOf(tools);
    Objects.requireNonNull(toolChoice, "toolChoice");
    Objects.requireNonNull(responseFormat, "responseFormat");
    Objects.requireNonNull(temperature, "temperature");
    Objects.requireNonNull(topP, "topP");
    Objects.requireNonNull(maxTokens, "maxTokens");
    stopSequences = List.copyOf(stopSequences);
    Objects.requireNonNull(reasoningEffort, "reasoningEffort");
    metadata = Map.copyOf(metadata);
    providerOptions = providerOptions == null ? Json.object() : providerOptions.deepCopy();
    Objects.requireNonNull(abortSignal, "abortSignal");
    Objects.requireNonNull(timeout, "timeout");
  }

  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** A request for {@code model} with one user message. */
  public static Request of(String model, String prompt) {
    return builder(model).addMessage(Message.user(prompt)).build();
  }

  /** The options object for one provider; empty when none were given. */
  public ObjectNode optionsFor(String providerName) {
    JsonNode options = providerOptions.path(providerName);
    return options.isObject() ? (ObjectNode) options.deepCopy() : Json.object();
  }

  public Builder toBuilder() {
    Builder builder = new Builder(model);
    builder.messages.addAll(messages);
    builder.provider = provider;
    builder.tools.addAll(tools);
    builder.toolChoice = toolChoice;
    builder.responseFormat = responseFormat;
    builder.temperature = temperature;
    builder.topP = topP;
    builder.maxTokens = maxTokens;
    builder.stopSequences.addAll(stopSequences);
    builder.reasoningEffort = reasoningEffort;
    builder.metadata.putAll(metadata);
    builder.providerOptions = (ObjectNode) providerOptions.deepCopy();
    builder.abortSignal = abortSignal;
    builder.timeout = timeout;
    return builder;
  }

  public Request withMessages(List<Message> newMessages) {
    return toBuilder().messages(newMessages).build();
  }

  public Request withProvider(String newProvider) {
    return toBuilder().provider(newProvider).build();
  }

  /** Builds a {@link Request}; only the model is required. */
  public static final class Builder {
    private String model;
    private final List<Message> messages = new ArrayList<>();
    private Optional<String> provider = Optional.empty();
    private final List<ToolDefinition> tools = new ArrayList<>();
    private Optional<ToolChoice> toolChoice = Optional.empty();
    private Optional<ResponseFormat> responseFormat = Optional.empty();
    private Optional<Double> temperature = Optional.empty();
    private Optional<Double> topP = Optional.empty();
    private Optional<Integer> maxTokens = Optional.empty();
    private final List<String> stopSequences = new ArrayList<>();
    private Optional<String> reasoningEffort = Optional.empty();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private ObjectNode providerOptions = Json.object();
    private Optional<AbortSignal> abortSignal = Optional.empty();
    private Optional<Duration> timeout = Optional.empty();

    private Builder(String model) {
      this.model = model;
    }

    public Builder model(String value) {
      this.model = value;
      return this;
    }

    public Builder messages(List<Message> value) {
      messages.clear();
      messages.addAll(value);
      return this;
    }

    public Builder addMessage(Message value) {
      messages.add(value);
      return this;
    }

    public Builder provider(String value) {
      this.provider = Optional.ofNullable(value);
      return this;
    }

    public Builder tools(List<ToolDefinition> value) {
      tools.clear();
      tools.addAll(value);
      return this;
    }

    public Builder toolChoice(ToolChoice value) {
      this.toolChoice = Optional.ofNullable(value);
      return this;
    }

    public Builder responseFormat(ResponseFormat value) {
      this.responseFormat = Optional.ofNullable(value);
      return this;
    }

    public Builder temperature(double value) {
      this.temperature = Optional.of(value);
      return this;
    }

    public Builder topP(double value) {
      this.topP = Optional.of(value);
      return this;
    }

    public Builder maxTokens(int value) {
      this.maxTokens = Optional.of(value);
      return this;
    }

    public Builder stopSequences(List<String> value) {
      stopSequences.clear();
      stopSequences.addAll(value);
      return this;
    }

    public Builder reasoningEffort(String value) {
      this.reasoningEffort = Optional.ofNullable(value);
      return this;
    }

    public Builder metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    /** Sets one provider's options object, e.g. {@code providerOptions("anthropic", {"auto_cache": false})}. */
    public Builder providerOptions(String providerName, JsonNode options) {
      providerOptions.set(providerName, options.deepCopy());
      return this;
    }

    /** Sets the whole options object keyed by provider name. */
    public Builder providerOptions(JsonNode allOptions) {
      providerOptions = allOptions == null ? Json.object() : (ObjectNode) allOptions.deepCopy();
      return this;
    }

    public Builder abortSignal(AbortSignal value) {
      this.abortSignal = Optional.ofNullable(value);
      return this;
    }

    public Builder timeout(Duration value) {
      this.timeout = Optional.ofNullable(value);
      return this;
    }

    public Request build() {
      return new Request(model, messages, provider, tools, toolChoice, responseFormat, temperature, topP,
          maxTokens, stopSequences, reasoningEffort, metadata, providerOptions, abortSignal, timeout);
    }
  }
}
