package dev.darkfactory.agent;

import dev.darkfactory.llm.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's limits and settings (coding-agent-loop-spec §2.2). Immutable; change a running
 * session's configuration with {@link Session#updateConfig}, which takes effect on the next LLM
 * call (§2.7).
 *
 * @param maxTurns model turns allowed over the whole session; 0 = unlimited
 * @param maxToolRoundsPerInput tool rounds allowed per input; 0 = unlimited
 * @param defaultCommandTimeout applied when a shell call sets no timeout (10 s)
 * @param maxCommandTimeout the bound on any command timeout (10 min)
 * @param reasoningEffort "low", "medium", "high", a provider-specific value, or empty for the
 *     provider default
 * @param toolOutputLimits per-tool character limits overriding §5.2
 * @param toolLineLimits per-tool line limits overriding §5.3
 * @param loopDetectionWindow how many recent tool calls loop detection looks at (§2.10)
 * @param maxSubagentDepth how deep subagents may nest (§7.3)
 * @param userInstructions appended last to the system prompt, highest priority (§6.1 layer 5); an
 *     extension field
 * @param maxOutputTokens the output token limit per call; the profile's default when empty (an
 *     extension: a low limit silently truncates large file writes)
 * @param streaming whether to stream responses (text deltas as events) when the profile can
 * @param retryPolicy how the LLM client's transient errors are retried (unified-llm-spec §6.6)
 */
public record SessionConfig(
    int maxTurns,
    int maxToolRoundsPerInput,
    Duration defaultCommandTimeout,
    Duration maxCommandTimeout,
    Optional<String> reasoningEffort,
    Map<String, Integer> toolOutputLimits,
    Map<String, Integer> toolLineLimits,
    boolean enableLoopDetection,
    int loopDetectionWindow,
    int maxSubagentDepth,
    Optional<String> userInstructions,
    Optional<Integer> maxOutputTokens,
    boolean streaming,
    RetryPolicy retryPolicy) {

  public SessionConfig {
    requireNonNegative("max_turns", maxTurns);
    requireNonNegative("max_tool_rounds_per_input", maxToolRoundsPerInput);
    Objects.requireNonNull(defaultCommandTimeout, "defaultCommandTimeout");
    Objects.requireNonNull(maxCommandTimeout, "maxCommandTimeout");
    if (defaultCommandTimeout.isNegative() || defaultCommandTimeout.isZero()
        || maxCommandTimeout.compareTo(defaultCommandTimeout) < 0) {
      throw new InvalidConfigurationException("Command timeouts must be positive with default <= max (got default "
          + defaultCommandTimeout.toMillis() + " ms, max " + maxCommandTimeout.toMillis() + " ms).");
    }
    Objects.requireNonNull(reasoningEffort, "reasoningEffort");
    if (reasoningEffort.isPresent() && reasoningEffort.get().isBlank()) {
      throw new InvalidConfigurationException("reasoning_effort is blank; use low, medium, high or leave it unset.");
    }
    toolOutputLimits = Map.copyOf(toolOutputLimits);
    toolLineLimits = Map.copyOf(toolLineLimits);
    toolOutputLimits.forEach((tool, limit) -> requirePositive("tool_output_limits." + tool, limit));
    toolLineLimits.forEach((tool, limit) -> requirePositive("tool_line_limits." + tool, limit));
    if (loopDetectionWindow < 1) {
      throw new InvalidConfigurationException("loop_detection_window must be at least 1, got " + loopDetectionWindow + ".");
    }
    requireNonNegative("max_subagent_depth", maxSubagentDepth);
    Objects.requireNonNull(userInstructions, "userInstructions");
    Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
    maxOutputTokens.ifPresent(tokens -> requirePositive("max_output_tokens", tokens));
    Objects.requireNonNull(retryPolicy, "retryPolicy");
  }

  private static void requireNonNegative(String name, int value) {
    if (value < 0) {
      throw new InvalidConfigurationException(name + " must be 0 (unlimited) or positive, got " + value + ".");
    }
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new InvalidConfigurationException(name + " must be positive, got " + value + ".");
    }
  }

  /** The spec's defaults. */
  public static SessionConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.maxTurns = maxTurns;
    builder.maxToolRoundsPerInput = maxToolRoundsPerInput;
    builder.defaultCommandTimeout = defaultCommandTimeout;
    builder.maxCommandTimeout = maxCommandTimeout;
    builder.reasoningEffort = reasoningEffort;
    builder.toolOutputLimits.putAll(toolOutputLimits);
    builder.toolLineLimits.putAll(toolLineLimits);
    builder.enableLoopDetection = enableLoopDetection;
    builder.loopDetectionWindow = loopDetectionWindow;
    builder.maxSubagentDepth = maxSubagentDepth;
    builder.userInstructions = userInstructions;
    builder.maxOutputTokens = maxOutputTokens;
    builder.streaming = streaming;
    builder.retryPolicy = retryPolicy;
    return builder;
  }

  public SessionConfig withReasoningEffort(String value) {
    return toBuilder().reasoningEffort(value).build();
  }

  public SessionConfig withMaxTurns(int value) {
    return toBuilder().maxTurns(value).build();
  }

  /** Builds a {@link SessionConfig}; every field starts at the spec's default. */
  public static final class Builder {
    private int maxTurns;
    private int maxToolRoundsPerInput;
    private Duration defaultCommandTimeout = Duration.ofSeconds(10);
    private Duration maxCommandTimeout = Duration.ofMinutes(10);
    private Optional<String> reasoningEffort = Optional.empty();
    private final Map<String, Integer> toolOutputLimits = new LinkedHashMap<>();
    private final Map<String, Integer> toolLineLimits = new LinkedHashMap<>();
    private boolean enableLoopDetection = true;
    private int loopDetectionWindow = 10;
    private int maxSubagentDepth = 1;
    private Optional<String> userInstructions = Optional.empty();
    private Optional<Integer> maxOutputTokens = Optional.empty();
    private boolean streaming = true;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    public Builder maxTurns(int value) {
      this.maxTurns = value;
      return this;
    }

    public Builder maxToolRoundsPerInput(int value) {
      this.maxToolRoundsPerInput = value;
      return this;
    }

    public Builder defaultCommandTimeout(Duration value) {
      this.defaultCommandTimeout = value;
      return this;
    }

    public Builder maxCommandTimeout(Duration value) {
      this.maxCommandTimeout = value;
      return this;
    }

    /** "low", "medium", "high" (or a provider-specific value); {@code null} for the provider default. */
    public Builder reasoningEffort(String value) {
      this.reasoningEffort = Optional.ofNullable(value);
      return this;
    }

    public Builder toolOutputLimit(String tool, int maxChars) {
      toolOutputLimits.put(tool, maxChars);
      return this;
    }

    public Builder toolLineLimit(String tool, int maxLines) {
      toolLineLimits.put(tool, maxLines);
      return this;
    }

    public Builder enableLoopDetection(boolean value) {
      this.enableLoopDetection = value;
      return this;
    }

    public Builder loopDetectionWindow(int value) {
      this.loopDetectionWindow = value;
      return this;
    }

    public Builder maxSubagentDepth(int value) {
      this.maxSubagentDepth = value;
      return this;
    }

    public Builder userInstructions(String value) {
      this.userInstructions = Optional.ofNullable(value).filter(text -> !text.isBlank());
      return this;
    }

    public Builder maxOutputTokens(Integer value) {
      this.maxOutputTokens = Optional.ofNullable(value);
      return this;
    }

    public Builder streaming(boolean value) {
      this.streaming = value;
      return this;
    }

    public Builder retryPolicy(RetryPolicy value) {
      this.retryPolicy = value;
      return this;
    }

    public SessionConfig build() {
      return new SessionConfig(maxTurns, maxToolRoundsPerInput, defaultCommandTimeout, maxCommandTimeout,
          reasoningEffort, toolOutputLimits, toolLineLimits, enableLoopDetection, loopDetectionWindow,
          maxSubagentDepth, userInstructions, maxOutputTokens, streaming, retryPolicy);
    }
  }
}
