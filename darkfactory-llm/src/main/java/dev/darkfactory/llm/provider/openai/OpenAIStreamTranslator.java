package dev.darkfactory.llm.provider.openai;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Translates the OpenAI Responses API stream (unified-llm-spec §7.7 "OpenAI Streaming"). The event type is read from
 * the JSON payload, so data-only frames work; output items are keyed by item id, and a delta for an item whose
 * start was not seen opens it. {@code response.completed} (or {@code response.incomplete}) is the Finish event with
 * the reasoning-token usage; {@code response.failed} and {@code error} are Error events.
 */
public final class OpenAIStreamTranslator implements StreamTranslator {

  private final String provider;
  private final StreamAccumulator accumulator;
  private final List<Warning> warnings;
  private final Map<String, String> callIds = new HashMap<>();
  private final Map<String, String> callNames = new HashMap<>();
  private final Map<String, StringBuilder> callArguments = new HashMap<>();
  private final Set<String> openText = new HashSet<>();
  private final Set<String> openReasoning = new HashSet<>();
  private final Set<String> endedCalls = new HashSet<>();
  private boolean started;
  private boolean finished;

  public OpenAIStreamTranslator(String provider, String model, List<Warning> warnings) {
    this.provider = provider;
    this.accumulator = new StreamAccumulator(provider, model);
    this.warnings = List.copyOf(warnings);
  }

  @Override
  public List<StreamEvent> onEvent(SseEvent event) {
    if (event.data().isBlank() || "[DONE]".equals(event.data().strip())) {
      return List.of();
    }
    JsonNode data = Json.parse(event.data());
    String type = data.path("type").asString(event.event().orElse(""));
    List<StreamEvent> out = new ArrayList<>();
    if (!started && !type.equals("error")) {
      started = true;
      JsonNode response = data.path("response");
      out.add(new StreamEvent.StreamStart(Json.string(response, "id"), Json.string(response, "model"), warnings));
    }
    switch (type) {
      case "response.created", "response.in_progress", "response.output_text.done", "response.content_part.added",
         "response.content_part.done", "response.function_call_arguments.done", "response.reasoning_summary_part.added",
         "response.reasoning_summary_part.done", "response.reasoning_summary_text.done" -> {
        // Carried by the deltas and output_item.done.
      }
      case "response.output_item.added" -> itemAdded(data.path("item"), itemId(data), out);
      case "response.output_text.delta" -> {
        String id = itemId(data);
        openText(id, out);
        out.add(new StreamEvent.TextDelta(id, data.path("delta").asString()));
      }
      case "response.reasoning_summary_text.delta", "response.reasoning_text.delta" -> {
        String id = itemId(data);
        if (openReasoning.add(id)) {
          out.add(new StreamEvent.ReasoningStart(id));
        }
        out.add(new StreamEvent.ReasoningDelta(id, data.path("delta").asString()));
      }
      case "response.function_call_arguments.delta" -> {
        String itemId = itemId(data);
        String callId = callIds.getOrDefault(itemId, itemId);
        callArguments.computeIfAbsent(itemId, k -> new StringBuilder()).append(data.path("delta").asString());
        out.add(new StreamEvent.ToolCallDelta(callId, data.path("delta").asString()));
      }
      case "response.output_item.done" -> itemDone(data.path("item"), itemId(data), out);
      case "response.completed", "response.incomplete" -> out.add(finish(data.path("response")));
      case "response.failed" -> {
        finished = true;
        JsonNode error = data.path("response").path("error");
        out.add(new StreamEvent.Error(ProviderErrors.fromResponse(provider, 500, noHeaders(),
            Json.writeBytes(Json.object().set("error", error)))));
      }
      case "error" -> {
        finished = true;
        out.add(new StreamEvent.Error(ProviderErrors.fromResponse(provider, statusOf(data), noHeaders(),
            Json.writeBytes(Json.object().set("error", data.has("error") ? data.path("error") : data)))));
      }
      default -> out.add(new StreamEvent.ProviderEvent(type, data));
    }
    out.forEach(accumulator::process);
    return out;
  }

  private void openText(String id, List<StreamEvent> out) {
    if (openText.add(id)) {
      out.add(new StreamEvent.TextStart(id));
    }
  }

  /**
   * The output item an event belongs to: its {@code item_id} (or the item's own id), else its output index, since
   * some servers omit item ids.
   */
  private static String itemId(JsonNode data) {
    String id = data.path("item_id").asString(data.path("item").path("id").asString(""));
    return id.isEmpty() ? "output_" + data.path("output_index").asInt(0) : id;
  }

  private void itemAdded(JsonNode item, String itemId, List<StreamEvent> out) {
    switch (item.path("type").asString()) {
      case "function_call" -> {
        String callId = item.path("call_id").asString(itemId);
        callIds.put(itemId, callId);
        callNames.put(itemId, item.path("name").asString());
        out.add(new StreamEvent.ToolCallStart(callId, item.path("name").asString()));
      }
      case "reasoning" -> {
        if (openReasoning.add(itemId)) {
          out.add(new StreamEvent.ReasoningStart(itemId));
        }
      }
      default -> {
        // Message items open on their first text delta.
      }
    }
  }

  private void itemDone(JsonNode item, String itemId, List<StreamEvent> out) {
    switch (item.path("type").asString()) {
      case "message" -> {
        if (!openText.contains(itemId)) {
          // No deltas were streamed for this item: emit its whole text now.
          StringBuilder text = new StringBuilder();
          item.path("content").forEach(part -> text.append(part.path("text").asString()));
          if (text.isEmpty()) {
            return;
          }
          openText(itemId, out);
          out.add(new StreamEvent.TextDelta(itemId, text.toString()));
        }
        out.add(new StreamEvent.TextEnd(itemId));
      }
      case "function_call" -> {
        String callId = item.path("call_id").asString(callIds.getOrDefault(itemId, itemId));
        String name = item.path("name").asString(callNames.getOrDefault(itemId, ""));
        if (!callIds.containsKey(itemId)) {
          callIds.put(itemId, callId);
          out.add(new StreamEvent.ToolCallStart(callId, name));
        }
        StringBuilder streamed = callArguments.get(itemId);
        String arguments = item.path("arguments").asString(streamed == null ? "{}" : streamed.toString());
        endedCalls.add(callId);
        out.add(new StreamEvent.ToolCallEnd(ToolCall.fromRaw(callId, name, arguments)));
      }
      case "reasoning" -> {
        if (openReasoning.contains(itemId)) {
          out.add(new StreamEvent.ReasoningEnd(itemId, Optional.empty(), Optional.empty()));
        }
      }
      default -> out.add(new StreamEvent.ProviderEvent("response.output_item.done", item));
    }
  }

  private StreamEvent finish(JsonNode response) {
    finished = true;
    Usage usage = OpenAIResponseTranslator.usage(response.path("usage"));
    FinishReason reason = OpenAIResponseTranslator.finishReason(response, !endedCalls.isEmpty());
    return new StreamEvent.Finish(reason, usage, accumulator.build(reason, usage, Optional.of(response)));
  }

  private static int statusOf(JsonNode data) {
    String code = (data.path("code").asString() + " " + data.path("error").path("code").asString()).toLowerCase(java.util.Locale.ROOT);
    if (code.contains("rate_limit")) {
      return 429;
    }
    return code.contains("invalid") ? 400 : 500;
  }

  private static HttpHeaders noHeaders() {
    return HttpHeaders.of(Map.of(), (a, b) -> true);
  }

  @Override
  public boolean finished() {
    return finished;
  }

  @Override
  public List<StreamEvent> onClose() {
    throw new StreamException("The OpenAI stream ended before response.completed: the connection closed early");
  }
}
