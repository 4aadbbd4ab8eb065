package dev.darkfactory.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One scripted model answer, rendered in whatever wire format the request speaks: text, tool calls, thinking,
 * usage, finish reason, and optionally a {@link Fault}. Build it fluently: {@code Reply.text("hi").withUsage(10, 2)}.
 *
 * @param usage scripted token counts; when empty the twin estimates them from the request and reply, with prompt
 *     caching modelled
 * @param finish "stop", "length", "tool_calls" or "content_filter"; by default tool_calls when there are calls
 * @param chunkSize characters per stream delta
 * @param frameDelay pause between stream events
 * @param rateLimit rate-limit headers sent with a successful answer, in the requested provider's convention
 * @param headers further response headers sent verbatim with a successful answer
 */
public record Reply(
    String text,
    List<ToolCallReply> toolCalls,
    Optional<String> thinking,
    Optional<String> thinkingSignature,
    Optional<String> redactedThinking,
    Optional<UsageReply> usage,
    Optional<String> finish,
    Optional<String> model,
    Optional<Fault> fault,
    int chunkSize,
    Duration frameDelay,
    Optional<RateLimitReply> rateLimit,
    Map<String, String> headers) {

  public Reply {
    Objects.requireNonNull(text, "text");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(frameDelay, "frameDelay");
    Objects.requireNonNull(rateLimit, "rateLimit");
    headers = Map.copyOf(headers);
  }

  /** A tool call the model makes; the id is generated in the provider's style when empty. */
  public record ToolCallReply(Optional<String> id, String name, String argumentsJson) {
    public static ToolCallReply of(String name, String argumentsJson) {
      return new ToolCallReply(Optional.empty(), name, argumentsJson);
    }
  }

  /** Scripted token counts; {@code input} includes cached tokens. */
  public record UsageReply(int input, int output, int reasoning, int cacheRead, int cacheWrite) {
    public static UsageReply of(int input, int output) {
      return new UsageReply(input, output, 0, 0, 0);
    }
  }

  public static Reply text(String text) {
    return new Reply(text, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 8, Duration.ZERO, Optional.empty(), Map.of());
  }

  /** A reply that calls one tool. */
  public static Reply toolCall(String name, String argumentsJson) {
    return text("").withToolCall(name, argumentsJson);
  }

  /** A reply that is only a fault. */
  public static Reply fault(Fault fault) {
    return text("").withFault(fault);
  }

  public Reply withToolCall(String name, String argumentsJson) {
    return withToolCall(ToolCallReply.of(name, argumentsJson));
  }

  public Reply withToolCall(ToolCallReply call) {
    List<ToolCallReply> calls = new ArrayList<>(toolCalls);
    calls.add(call);
    return new Reply(text, calls, thinking, thinkingSignature, redactedThinking, usage, finish, model, fault, chunkSize,
        frameDelay, rateLimit, headers);
  }

  public Reply withThinking(String thinkingText, String signature) {
    return new Reply(text, toolCalls, Optional.of(thinkingText), Optional.ofNullable(signature), redactedThinking, usage,
        finish, model, fault, chunkSize, frameDelay, rateLimit, headers);
  }

  public Reply withRedactedThinking(String data) {
    return new Reply(text, toolCalls, thinking, thinkingSignature, Optional.of(data), usage, finish, model, fault,
        chunkSize, frameDelay, rateLimit, headers);
  }

  public Reply withUsage(int input, int output) {
    return withUsage(UsageReply.of(input, output));
  }

  public Reply withUsage(UsageReply value) {
    return new Reply(text, toolCalls, thinking, thinkingSignature, redactedThinking, Optional.of(value), finish, model,
        fault, chunkSize, frameDelay, rateLimit, headers);
  }

  public Reply withFinish(String value) {
    return new Reply(text, toolCalls, thinking, thinkingSignature, redactedThinking, usage, Optional.of(value), model,
        fault, chunkSize, frameDelay, rateLimit, headers);
  }

  public Reply withModel(String value) {
    return new Reply(text, toolCalls, thinking, thinkingSignature, redactedThinking, usage, finish, Optional.of(value),
        fault, chunkSize, frameDelay, rateLimit, headers);
  }

  public Reply withFault(Fault value) {
    return new Reply(text, toolCalls, thinking, thinkingSignature, redactedThinking, usage, finish, model,
        Optional.of(value), chunkSize, frameDelay, rateLimit, headers);
  }

  public Reply withChunkSize(int value) {
    return new Reply(text, toolCalls, thinking, thinkingSignature, redactedThinking, usage, finish, model, fault, value,
        frameDelay, rateLimit, headers);
  }

  public Reply withFrameDelay(Duration value) {
    return new Reply(text, toolCalls, thinking, thinkingSignature, redactedThinking, usage, finish, model, fault,
        chunkSize, value, rateLimit, headers);
  }

  /** Sends rate-limit headers with the answer, named as the requested provider names them ({@link RateLimitReply}). */
  public Reply withRateLimit(RateLimitReply value) {
    return new Reply(text, toolCalls, thinking, thinkingSignature, redactedThinking, usage, finish, model, fault,
        chunkSize, frameDelay, Optional.of(value), headers);
  }

  /** Sends {@code name: value} verbatim with a successful answer (streaming or not). */
  public Reply withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(text, toolCalls, thinking, thinkingSignature, redactedThinking, usage, finish, model, fault,
        chunkSize, frameDelay, rateLimit, more);
  }
}
