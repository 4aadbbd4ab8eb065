package dev.darkfactory.testkit;

import dev.darkfactory.testkit.cache.PromptCache;
import dev.darkfactory.testkit.cache.Tokens;
import dev.darkfactory.testkit.wire.ReplyPlan;
import dev.darkfactory.testkit.wire.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a scripted {@link Reply} into a {@link ReplyPlan} for one request: provider-style ids, the model, the finish
 * reason, and token counts (scripted, or estimated with prompt caching modelled). A reply longer than the request's
 * output limit is cut and finishes with "length", as a real model does.
 */
final class ReplyPlanner {

  private final PromptCache cache;

  ReplyPlanner(PromptCache cache) {
    this.cache = cache;
  }

  ReplyPlan plan(WireFormat format, String path, JsonNode request, Reply reply, int sequence) {
    String model = reply.model().orElse(format.model(path, request));
    List<ReplyPlan.PlannedCall> calls = new ArrayList<>();
    for (int i = 0; i < reply.toolCalls().size(); i++) {
      Reply.ToolCallReply call = reply.toolCalls().get(i);
      calls.add(new ReplyPlan.PlannedCall(call.id().orElse(callId(format, sequence, i)), call.name(), call.argumentsJson()));
    }
    String text = reply.text();
    ReplyPlan.Finish finish = reply.finish().map(ReplyPlanner::finish)
        .orElse(calls.isEmpty() ? ReplyPlan.Finish.STOP : ReplyPlan.Finish.TOOL_CALLS);
    Optional<Integer> limit = outputLimit(format, request);
    if (reply.finish().isEmpty() && limit.isPresent() && Tokens.estimate(text) > limit.get()) {
      text = text.substring(0, Math.min(text.length(), limit.get() * 4));
      finish = ReplyPlan.Finish.LENGTH;
    }
    ReplyPlan.PlannedUsage usage = reply.usage()
        .map(u -> new ReplyPlan.PlannedUsage(u.input(), u.output(), u.reasoning(), u.cacheRead(), u.cacheWrite()))
        .orElseGet(() -> estimate(format, request, reply));
    return new ReplyPlan(id(format, sequence), model, text, reply.thinking(), reply.thinkingSignature(),
        reply.redactedThinking(), calls, finish, usage, reply.chunkSize());
  }

  private ReplyPlan.PlannedUsage estimate(WireFormat format, JsonNode request, Reply reply) {
    PromptCache.Accounting accounting = cache.account(format, request);
    int reasoning = reply.thinking().map(Tokens::estimate).orElse(0);
    int output = Tokens.estimate(reply.text()) + reasoning
        + reply.toolCalls().stream().mapToInt(call -> Tokens.estimate(call.name() + call.argumentsJson())).sum();
    return new ReplyPlan.PlannedUsage(Math.max(1, accounting.input()), Math.max(1, output), reasoning,
        accounting.cacheRead(), accounting.cacheWrite());
  }

  private static Optional<Integer> outputLimit(WireFormat format, JsonNode request) {
    JsonNode limit = switch (format) {
      case OPENAI_RESPONSES -> request.path("max_output_tokens");
      case OPENAI_CHAT -> request.has("max_completion_tokens") ? request.path("max_completion_tokens") : request.path("max_tokens");
      case ANTHROPIC -> request.path("max_tokens");
      case GEMINI -> request.path("generationConfig").path("maxOutputTokens");
    };
    return limit.isNumber() ? Optional.of(limit.intValue()) : Optional.empty();
  }

  private static ReplyPlan.Finish finish(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "length", "max_tokens" -> ReplyPlan.Finish.LENGTH;
      case "tool_calls", "tool_use" -> ReplyPlan.Finish.TOOL_CALLS;
      case "content_filter", "safety", "refusal" -> ReplyPlan.Finish.CONTENT_FILTER;
      default -> ReplyPlan.Finish.STOP;
    };
  }

  private static String id(WireFormat format, int sequence) {
    return switch (format) {
      case OPENAI_RESPONSES -> "resp_twin_" + sequence;
      case OPENAI_CHAT -> "chatcmpl-twin-" + sequence;
      case ANTHROPIC -> "msg_twin_" + sequence;
      case GEMINI -> "twin-" + sequence;
    };
  }

  private static String callId(WireFormat format, int sequence, int index) {
    return switch (format) {
      case ANTHROPIC -> "toolu_twin_" + sequence + "_" + index;
      case OPENAI_RESPONSES, OPENAI_CHAT, GEMINI -> "call_twin_" + sequence + "_" + index;
    };
  }
}
