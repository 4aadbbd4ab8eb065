package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.ConfigurationException;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.RetryPolicy;
import dev.darkfactory.llm.ToolChoice;
import dev.darkfactory.llm.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of {@code generate()}, {@code stream()} and the object variants (unified-llm-spec §4.3). Give a
 * {@code prompt} or {@code messages}, never both; {@code system} is always prepended.
 */
public record GenerateOptions(
    String model,
    Optional<String> prompt,
    List<Message> messages,
    Optional<String> system,
    List<Tool> tools,
    Optional<ToolChoice> toolChoice,
    int maxToolRounds,
    Optional<StopCondition> stopWhen,
    Optional<ResponseFormat> responseFormat,
    Optional<Double> temperature,
    Optional<Double> topP,
    Optional<Integer> maxTokens,
    List<String> stopSequences,
    Optional<String> reasoningEffort,
    Optional<String> provider,
    JsonNode providerOptions,
    RetryPolicy retryPolicy,
    TimeoutConfig timeout,
    Optional<AbortSignal> abortSignal,
    Optional<ToolCallRepair> repairToolCall) {

  public GenerateOptions {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    stopSequences = List.copyOf(stopSequences);
    providerOptions = providerOptions == null ? Json.object() : providerOptions.deepCopy();
    if (prompt.isPresent() && !messages.isEmpty()) {
      throw new ConfigurationException("Both prompt and messages were given",
          "Pass either a prompt (one user message) or the full messages list, not both (§4.3).");
    }
    if (prompt.isEmpty() && messages.isEmpty()) {
      throw new ConfigurationException("Neither prompt nor messages was given", "Pass a prompt or messages.");
    }
    if (maxToolRounds < 0) {
      throw new ConfigurationException("max_tool_rounds is negative", "Use 0 to disable automatic tool execution.");
    }
  }

  public static Builder builder(String model) {
    return new Builder(model);
  }

  /** The conversation the first step sends: system, then the prompt or messages. */
  List<Message> initialConversation() {
    List<Message> conversation = new ArrayList<>();
    system.ifPresent(text -> conversation.add(Message.system(text)));
    prompt.ifPresent(text -> conversation.add(Message.user(text)));
    conversation.addAll(messages);
    return conversation;
  }

  /** The low-level request for one step. */
  Request request(List<Message> conversation, AbortSignal signal) {
    Request.Builder builder = Request.builder(model)
        .messages(conversation)
        .tools(tools.stream().map(Tool::definition).toList())
        .stopSequences(stopSequences)
        .providerOptions(providerOptions)
        .abortSignal(signal);
    provider.ifPresent(builder::provider);
    toolChoice.ifPresent(builder::toolChoice);
    responseFormat.ifPresent(builder::responseFormat);
    temperature.ifPresent(builder::temperature);
    topP.ifPresent(builder::topP);
    maxTokens.ifPresent(builder::maxTokens);
    reasoningEffort.ifPresent(builder::reasoningEffort);
    timeout.perStep().ifPresent(builder::timeout);
    return builder.build();
  }

  GenerateOptions withResponseFormat(ResponseFormat format) {
    return new GenerateOptions(model, prompt, messages, system, tools, toolChoice, maxToolRounds, stopWhen,
        Optional.of(format), temperature, topP, maxTokens, stopSequences, reasoningEffort, provider,
        providerOptions, retryPolicy, timeout, abortSignal, repairToolCall);
  }

  /** Builds {@link GenerateOptions}; defaults follow §4.3 (one tool round, two retries). */
  public static final class Builder {
    private final String model;
    private Optional<String> prompt = Optional.empty();
    private final List<Message> messages = new ArrayList<>();
    private Optional<String> system = Optional.empty();
    private final List<Tool> tools = new ArrayList<>();
    private Optional<ToolChoice> toolChoice = Optional.empty();
    private int maxToolRounds = 1;
    private Optional<StopCondition> stopWhen = Optional.empty();
    private Optional<ResponseFormat> responseFormat = Optional.empty();
    private Optional<Double> temperature = Optional.empty();
    private Optional<Double> topP = Optional.empty();
    private Optional<Integer> maxTokens = Optional.empty();
    private final List<String> stopSequences = new ArrayList<>();
    private Optional<String> reasoningEffort = Optional.empty();
    private Optional<String> provider = Optional.empty();
    private JsonNode providerOptions = Json.object();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private TimeoutConfig timeout = TimeoutConfig.none();
    private Optional<AbortSignal> abortSignal = Optional.empty();
    private Optional<ToolCallRepair> repairToolCall = Optional.empty();

    private Builder(String model) {
      this.model = model;
    }

    public Builder prompt(String value) {
      prompt = Optional.of(value);
      return this;
    }

    public Builder messages(List<Message> value) {
      messages.clear();
      messages.addAll(value);
      return this;
    }

    public Builder system(String value) {
      system = Optional.of(value);
      return this;
    }

    public Builder tools(List<Tool> value) {
      tools.clear();
      tools.addAll(value);
      return this;
    }

    public Builder tool(Tool value) {
      tools.add(value);
      return this;
    }

    public Builder toolChoice(ToolChoice value) {
      toolChoice = Optional.of(value);
      return this;
    }

    public Builder maxToolRounds(int value) {
      maxToolRounds = value;
      return this;
    }

    public Builder stopWhen(StopCondition value) {
      stopWhen = Optional.of(value);
      return this;
    }

    public Builder responseFormat(ResponseFormat value) {
      responseFormat = Optional.of(value);
      return this;
    }

    public Builder temperature(double value) {
      temperature = Optional.of(value);
      return this;
    }

    public Builder topP(double value) {
      topP = Optional.of(value);
      return this;
    }

    public Builder maxTokens(int value) {
      maxTokens = Optional.of(value);
      return this;
    }

    public Builder stopSequences(List<String> value) {
      stopSequences.clear();
      stopSequences.addAll(value);
      return this;
    }

    public Builder reasoningEffort(String value) {
      reasoningEffort = Optional.of(value);
      return this;
    }

    public Builder provider(String value) {
      provider = Optional.of(value);
      return this;
    }

    /** The provider-options object keyed by provider name (§3.6). */
    public Builder providerOptions(JsonNode value) {
      providerOptions = value;
      return this;
    }

    /** Retries per LLM call; {@code maxRetries(0)} disables them (§6.6). */
    public Builder maxRetries(int value) {
      retryPolicy = retryPolicy.withMaxRetries(value);
      return this;
    }

    public Builder retryPolicy(RetryPolicy value) {
      retryPolicy = value;
      return this;
    }

    public Builder timeout(TimeoutConfig value) {
      timeout = value;
      return this;
    }

    public Builder abortSignal(AbortSignal value) {
      abortSignal = Optional.of(value);
      return this;
    }

    public Builder repairToolCall(ToolCallRepair value) {
      repairToolCall = Optional.of(value);
      return this;
    }

    public GenerateOptions build() {
      return new GenerateOptions(model, prompt, messages, system, tools, toolChoice, maxToolRounds, stopWhen,
          responseFormat, temperature, topP, maxTokens, stopSequences, reasoningEffort, provider,
          providerOptions, retryPolicy, timeout, abortSignal, repairToolCall);
    }
  }
}
