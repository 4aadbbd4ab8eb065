package dev.darkfactory.llm.provider.openaicompat;

import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.StreamAccumulator;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.ToolCall;
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
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Translates a Chat Completions stream (unified-llm-spec §7.7): content deltas, tool-call deltas correlated by
 * {@code index}, and a usage chunk. The stream finishes at {@code [DONE]} or, for servers that omit it, when the
 * connection closes after a {@code finish_reason}; a close before any finish reason is a cut stream.
 */
public final class OpenAICompatibleStreamTranslator implements StreamTranslator {

  private static final String TEXT_ID = "text_0";
  private static final String REASONING_ID = "reasoning_0";

  private final String provider;
  private final StreamAccumulator accumulator;
  private final List<Warning> warnings;
  private final Map<Integer, Call> calls = new TreeMap<>();
  private boolean started;
  private boolean textOpen;
  private boolean reasoningOpen;
  private String finishRaw = "";
  private JsonNode usage = Json.object();
  private boolean done;
  private boolean failed;

  public OpenAICompatibleStreamTranslator(String provider, String model, List<Warning> warnings) {
    this.provider = provider;
    this.accumulator = new StreamAccumulator(provider, model);
    this.warnings = List.copyOf(warnings);
  }

  private record Call(String id, String name, StringBuilder arguments) {}

  @Override
  public List<StreamEvent> onEvent(SseEvent event) {
    String data = event.data().strip();
    if (data.isEmpty()) {
      return List.of();
    }
    List<StreamEvent> out = new ArrayList<>();
    if (data.equals("[DONE]")) {
      out.addAll(closing());
      done = true;
      return out;
    }
    JsonNode chunk = Json.parse(data);
    if (chunk.has("error")) {
      failed = true;
      out.add(new StreamEvent.Error(ProviderErrors.fromResponse(provider, chunk.path("error").path("code").asInt(500),
          HttpHeaders.of(Map.of(), (a, b) -> true), Json.writeBytes(chunk))));
      return out;
    }
    if (!started) {
      started = true;
      out.add(new StreamEvent.StreamStart(Json.string(chunk, "id"), Json.string(chunk, "model"), warnings));
    }
    JsonNode choice = chunk.path("choices").path(0);
    JsonNode delta = choice.path("delta");
    OpenAICompatibleResponseTranslator.reasoning(delta).ifPresent(text -> {
      if (!reasoningOpen) {
        reasoningOpen = true;
        out.add(new StreamEvent.ReasoningStart(REASONING_ID));
      }
      out.add(new StreamEvent.ReasoningDelta(REASONING_ID, text));
    });
    String content = delta.path("content").asString();
    if (!content.isEmpty()) {
      if (!textOpen) {
        textOpen = true;
        out.add(new StreamEvent.TextStart(TEXT_ID));
      }
      out.add(new StreamEvent.TextDelta(TEXT_ID, content));
    }
    for (JsonNode callDelta : delta.path("tool_calls")) {
      toolCallDelta(callDelta, out);
    }
    finishRaw = choice.path("finish_reason").asString(finishRaw);
    if (chunk.path("usage").isObject()) {
      usage = chunk.path("usage");
    }
    out.forEach(accumulator::process);
    return out;
  }

  private void toolCallDelta(JsonNode callDelta, List<StreamEvent> out) {
    int index = callDelta.path("index").asInt(calls.size());
    Call call = calls.get(index);
    if (call == null) {
      call = new Call(callDelta.path("id").asString("call_" + index), callDelta.path("function").path("name").asString(),
          new StringBuilder());
      calls.put(index, call);
      out.add(new StreamEvent.ToolCallStart(call.id(), call.name()));
    }
    String fragment = callDelta.path("function").path("arguments").asString();
    if (!fragment.isEmpty()) {
      call.arguments().append(fragment);
      out.add(new StreamEvent.ToolCallDelta(call.id(), fragment));
    }
  }

  private List<StreamEvent> closing() {
    List<StreamEvent> out = new ArrayList<>();
    if (reasoningOpen) {
      reasoningOpen = false;
      out.add(new StreamEvent.ReasoningEnd(REASONING_ID, Optional.empty(), Optional.empty()));
    }
    if (textOpen) {
      textOpen = false;
      out.add(new StreamEvent.TextEnd(TEXT_ID));
    }
    for (Call call : calls.values()) {
      out.add(new StreamEvent.ToolCallEnd(ToolCall.fromRaw(call.id(), call.name(), call.arguments().toString())));
    }
    calls.clear();
    out.forEach(accumulator::process);
    Usage unified = OpenAICompatibleResponseTranslator.usage(usage);
    FinishReason reason = OpenAICompatibleResponseTranslator.finishReason(finishRaw);
    out.add(new StreamEvent.Finish(reason, unified, accumulator.build(reason, unified, Optional.empty())));
    return out;
  }

  @Override
  public boolean finished() {
    return done || failed;
  }

  @Override
  public List<StreamEvent> onClose() {
    if (finishRaw.isEmpty()) {
      throw new StreamException("The chat completions stream ended before a finish_reason: the connection closed early");
    }
    return closing();
  }
}
