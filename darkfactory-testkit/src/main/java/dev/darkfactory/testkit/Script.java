package dev.darkfactory.testkit;

import dev.darkfactory.testkit.wire.Wire;
import dev.darkfactory.testkit.wire.WireEncoder.ErrorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the twin answers: ordered rules (match, reply, how many times), a fallback reply, the model list, the
 * stream framing, and an optional required API key. Load one from JSON ({@link #parse}, the format is in
 * docs/testkit.md) or build it in Java.
 */
public record Script(
    List<Rule> rules,
    Optional<Reply> fallback,
    boolean strict,
    List<String> models,
    StreamStyle streamStyle,
    Optional<String> apiKey) {

  public static final List<String> DEFAULT_MODELS = List.of("gpt-5.2", "gpt-5.2-mini", "claude-opus-4-6",
      "claude-sonnet-4-5", "gemini-3.1-pro-preview", "gemini-3-flash-preview");

  public Script {
    rules = List.copyOf(rules);
    models = List.copyOf(models);
  }

  /** One entry: answer requests matching {@code match} with {@code reply}, {@code times} times (-1: forever). */
  public record Rule(Match match, Reply reply, int times) {}

  public static Script empty() {
    return new Script(List.of(), Optional.empty(), false, DEFAULT_MODELS, StreamStyle.EVENT_LINES, Optional.empty());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Script load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the twin script " + file, e);
    }
  }

  public static Script parse(String json) {
    JsonNode root = Wire.MAPPER.readTree(json);
    Builder builder = builder();
    for (JsonNode entry : root.path("replies")) {
      JsonNode match = entry.path("match");
      Match m = match.has("path") ? Match.path(match.path("path").asString()) : Match.any();
      if (match.has("body_contains")) {
        m = m.bodyContains(match.path("body_contains").asString());
      }
      builder.on(m, reply(entry), entry.path("times").asInt(1));
    }
    if (root.has("default")) {
      builder.fallback(reply(root.path("default")));
    }
    if (root.path("models").isArray()) {
      List<String> models = new ArrayList<>();
      root.path("models").forEach(model -> models.add(model.asString()));
      builder.models(models);
    }
    builder.strict(root.path("strict").asBoolean(false));
    if ("data-only".equals(root.path("stream_style").asString())) {
      builder.streamStyle(StreamStyle.DATA_ONLY);
    }
    if (root.path("api_key").isString()) {
      builder.apiKey(root.path("api_key").asString());
    }
    return builder.build();
  }

  static Reply reply(JsonNode entry) {
    Reply reply = Reply.text(entry.path("text").asString(""));
    for (JsonNode call : entry.path("tool_calls")) {
      JsonNode arguments = call.path("arguments");
      String json = arguments.isString() ? arguments.asString() : Wire.MAPPER.writeValueAsString(arguments.isMissingNode() ? Wire.object() : arguments);
      reply = reply.withToolCall(new Reply.ToolCallReply(
          call.path("id").isString() ? Optional.of(call.path("id").asString()) : Optional.empty(),
          call.path("name").asString(), json));
    }
    if (entry.has("thinking")) {
      JsonNode thinking = entry.path("thinking");
      reply = thinking.isString()
          ? reply.withThinking(thinking.asString(), null)
          : reply.withThinking(thinking.path("text").asString(), thinking.path("signature").asString(null));
    }
    if (entry.path("redacted_thinking").isString()) {
      reply = reply.withRedactedThinking(entry.path("redacted_thinking").asString());
    }
    if (entry.has("usage")) {
      JsonNode u = entry.path("usage");
      reply = reply.withUsage(new Reply.UsageReply(u.path("input_tokens").asInt(0), u.path("output_tokens").asInt(0),
          u.path("reasoning_tokens").asInt(0), u.path("cache_read_tokens").asInt(0), u.path("cache_write_tokens").asInt(0)));
    }
    if (entry.path("finish_reason").isString()) {
      reply = reply.withFinish(entry.path("finish_reason").asString());
    }
    if (entry.path("model").isString()) {
      reply = reply.withModel(entry.path("model").asString());
    }
    if (entry.has("chunk_size")) {
      reply = reply.withChunkSize(entry.path("chunk_size").asInt(8));
    }
    if (entry.has("frame_delay_ms")) {
      reply = reply.withFrameDelay(Duration.ofMillis(entry.path("frame_delay_ms").asLong(0)));
    }
    if (entry.has("fault")) {
      reply = reply.withFault(fault(entry.path("fault")));
    }
    if (entry.has("rate_limit")) {
      JsonNode limits = entry.path("rate_limit");
      reply = reply.withRateLimit(new RateLimitReply(limits.path("requests_limit").asInt(0),
          limits.path("requests_remaining").asInt(0), limits.path("tokens_limit").asInt(0),
          limits.path("tokens_remaining").asInt(0), Duration.ofMillis(Math.round(limits.path("reset_requests").asDouble(1) * 1000))));
    }
    for (Map.Entry<String, String> header : headers(entry.path("headers")).entrySet()) {
      reply = reply.withHeader(header.getKey(), header.getValue());
    }
    return reply;
  }

  static Fault fault(JsonNode node) {
    int after = node.path("after_events").asInt(2);
    return switch (node.path("type").asString()) {
      case "rate_limit" -> node.has("retry_after")
          ? Fault.rateLimited(Duration.ofMillis(Math.round(node.path("retry_after").asDouble() * 1000)))
          : Fault.rateLimited();
      case "server_error" -> Fault.serverError();
      case "overloaded" -> Fault.overloaded();
      case "unauthorized" -> Fault.unauthorized();
      case "forbidden" -> Fault.forbidden();
      case "not_found" -> Fault.notFound();
      case "billing" -> Fault.billing();
      case "quota_exhausted" -> Fault.quotaExhausted();
      case "credit_balance" -> Fault.creditBalanceTooLow();
      case "context_length" -> Fault.contextLength();
      case "content_filter" -> Fault.contentFilter();
      case "http" -> new Fault.HttpError(node.path("status").asInt(500), ErrorKind.valueOf(node.path("kind").asString("SERVER")),
          node.path("message").asString("Scripted error"), headers(node.path("headers")));
      case "delay" -> Fault.delay(Duration.ofMillis(node.path("ms").asLong(0)));
      case "stall" -> new Fault.StallStream(after);
      case "cut" -> new Fault.CutStream(after);
      case "truncate" -> new Fault.TruncateStream(after);
      case "malformed_json" -> new Fault.MalformedJson(after);
      case "disconnect" -> new Fault.Disconnect();
      default -> throw new IllegalArgumentException("Unknown fault type in twin script: " + node);
    };
  }

  private static Map<String, String> headers(JsonNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    node.properties().forEach(entry -> headers.put(entry.getKey(), entry.getValue().asString()));
    return headers;
  }

  /** Builds a {@link Script}. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private Optional<Reply> fallback = Optional.empty();
    private boolean strict;
    private List<String> models = DEFAULT_MODELS;
    private StreamStyle streamStyle = StreamStyle.EVENT_LINES;
    private Optional<String> apiKey = Optional.empty();

    /** Answers the next request (any path) with {@code reply}, once. */
    public Builder reply(Reply reply) {
      return on(Match.any(), reply, 1);
    }

    public Builder on(Match match, Reply reply, int times) {
      rules.add(new Rule(match, reply, times));
      return this;
    }

    public Builder fallback(Reply reply) {
      fallback = Optional.of(reply);
      return this;
    }

    /** Unmatched requests get a 500 naming the problem instead of the fallback reply. */
    public Builder strict(boolean value) {
      strict = value;
      return this;
    }

    public Builder models(List<String> value) {
      models = List.copyOf(value);
      return this;
    }

    public Builder streamStyle(StreamStyle value) {
      streamStyle = value;
      return this;
    }

    /** Requests must carry this key (in the provider's own header or query parameter) or get a 401. */
    public Builder apiKey(String value) {
      apiKey = Optional.of(value);
      return this;
    }

    public Script build() {
      return new Script(rules, fallback, strict, models, streamStyle, apiKey);
    }
  }
}
