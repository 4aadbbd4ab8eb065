package dev.darkfactory.llm.provider.gemini;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.StreamAccumulator;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.Usage;
import dev.darkfactory.llm.Warning;
import dev.darkfactory.llm.internal.http.ProviderErrors;
import dev.darkfactory.llm.internal.http.StreamTranslator;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.llm.internal.sse.SseEvent;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Translates Gemini's {@code streamGenerateContent?alt=sse} chunks (unified-llm-spec §7.7 "Gemini Streaming"). Each
 * chunk is a whole response fragment; function calls arrive complete and emit start and end together. Gemini has no
 * terminal event: the stream finishes when the connection closes after a chunk with a {@code finishReason}; a close
 * before any finish reason is a cut stream.
 */
public final class GeminiStreamTranslator implements StreamTranslator {

  private static final String TEXT_ID = "text_0";
  private static final String REASONING_ID = "reasoning_0";

  private final String provider;
  private final String model;
  private final StreamAccumulator accumulator;
  private final List<Warning> warnings;
  private final Supplier<String> callIds;
  private boolean started;
  private boolean textOpen;
  private boolean reasoningOpen;
  private boolean sawToolCall;
  private String finishRaw = "";
  private String blockReason = "";
  private JsonNode usageMetadata = Json.object();
  private String responseId;
  private boolean failed;

  public GeminiStreamTranslator(String provider, String model, List<Warning> warnings) {
    this(provider, model, warnings, GeminiResponseTranslator::newCallId);
  }

  GeminiStreamTranslator(String provider, String model, List<Warning> warnings, Supplier<String> callIds) {
    this.provider = provider;
    this.model = model;
    this.accumulator = new StreamAccumulator(provider, model);
    this.warnings = List.copyOf(warnings);
    this.callIds = callIds;
  }

  @Override
  public List<StreamEvent> onEvent(SseEvent event) {
    if (event.data().isBlank()) {
      return List.of();
    }
    JsonNode chunk = Json.parse(event.data());
    List<StreamEvent> out = new ArrayList<>();
    if (chunk.has("error")) {
      failed = true;
      int status = chunk.path("error").path("code").asInt(500);
      out.add(new StreamEvent.Error(ProviderErrors.fromResponse(provider, status,
          HttpHeaders.of(Map.of(), (a, b) -> true), Json.writeBytes(chunk))));
      return out;
    }
    if (!started) {
      started = true;
      responseId = Json.string(chunk, "responseId").orElseGet(() -> "gemini-" + java.util.UUID.randomUUID());
      out.add(new StreamEvent.StreamStart(Optional.of(responseId), Optional.of(Json.string(chunk, "modelVersion").orElse(model)), warnings));
    }
    JsonNode candidate = chunk.path("candidates").path(0);
    for (JsonNode part : candidate.path("content").path("parts")) {
      for (ContentPart content : GeminiResponseTranslator.parts(part, callIds)) {
        translate(content, out);
      }
    }
    if (chunk.has("usageMetadata")) {
      usageMetadata = chunk.path("usageMetadata");
    }
    blockReason = chunk.path("promptFeedback").path("blockReason").asString(blockReason);
    String finish = candidate.path("finishReason").asString();
    if (!finish.isEmpty()) {
      finishRaw = finish;
      closeSegments(out);
    }
    out.forEach(accumulator::process);
    return out;
  }

  private void translate(ContentPart content, List<StreamEvent> out) {
    switch (content) {
      case ContentPart.Text text -> {
        if (!textOpen) {
          textOpen = true;
          out.add(new StreamEvent.TextStart(TEXT_ID));
        }
        out.add(new StreamEvent.TextDelta(TEXT_ID, text.text()));
      }
      case ContentPart.Thinking thinking -> {
        if (!reasoningOpen) {
          reasoningOpen = true;
          out.add(new StreamEvent.ReasoningStart(REASONING_ID));
        }
        out.add(new StreamEvent.ReasoningDelta(REASONING_ID, thinking.text()));
      }
      case ContentPart.ToolCallPart call -> {
        sawToolCall = true;
        out.add(new StreamEvent.ToolCallStart(call.toolCall().id(), call.toolCall().name()));
        out.add(new StreamEvent.ToolCallEnd(call.toolCall()));
      }
      case ContentPart.Custom custom -> out.add(new StreamEvent.ProviderEvent(
          StreamAccumulator.CONTENT_PART_EVENT_PREFIX + custom.kind(), custom.raw()));
      default -> {
        // Gemini parts map only to text, thoughts, calls and custom parts.
      }
    }
  }

  private void closeSegments(List<StreamEvent> out) {
    if (reasoningOpen) {
      reasoningOpen = false;
      out.add(new StreamEvent.ReasoningEnd(REASONING_ID, Optional.empty(), Optional.empty()));
    }
    if (textOpen) {
      textOpen = false;
      out.add(new StreamEvent.TextEnd(TEXT_ID));
    }
  }

  @Override
  public boolean finished() {
    return failed;
  }

  @Override
  public List<StreamEvent> onClose() {
    if (!started || (finishRaw.isEmpty() && blockReason.isEmpty())) {
      throw new StreamException("The Gemini stream ended before a finish reason: the connection closed early");
    }
    List<StreamEvent> out = new ArrayList<>();
    closeSegments(out);
    Usage usage = GeminiResponseTranslator.usage(usageMetadata);
    FinishReason reason = GeminiResponseTranslator.finishReason(finishRaw, sawToolCall, blockReason);
    out.forEach(accumulator::process);
    out.add(new StreamEvent.Finish(reason, usage, accumulator.build(reason, usage, Optional.empty())));
    return out;
  }
}
