package dev.darkfactory.testkit.attractorbench;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canned bodies of the benchmark's mock: OpenAI Responses (also answered on Chat Completions
 * paths), Anthropic Messages and Gemini, each as text or as one {@code get_weather} tool call, and
 * the stream events for the first two. Shapes are as minimal as the benchmark's: no {@code status}
 * on a Responses body, no item ids in the stream, no response id from Gemini.
 */
final class BenchReplies {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final String TEXT = "Hello! This is a mock response from the LLM.";
  static final List<String> STREAM_DELTAS = List.of("Hello! ", "This is ", "a mock ", "streamed response.");
  static final String STREAM_TEXT = String.join("", STREAM_DELTAS);

  private BenchReplies() {}

  static ObjectNode openAiText() {
    ObjectNode body = openAiEnvelope("resp_mock_001");
    body.putArray("output").addObject().put("type", "message").put("role", "assistant")
        .putArray("content").addObject().put("type", "output_text").put("text", TEXT);
    body.set("usage", usage(10, 15));
    return body;
  }

  static ObjectNode openAiToolCall() {
    ObjectNode body = openAiEnvelope("resp_mock_002");
    body.putArray("output").addObject().put("type", "function_call").put("call_id", "call_mock_001")
        .put("name", "get_weather").put("arguments", "{\"location\": \"San Francisco\"}");
    body.set("usage", usage(20, 25));
    return body;
  }

  private static ObjectNode openAiEnvelope(String id) {
    return MAPPER.createObjectNode().put("id", id).put("object", "response").put("created", 1700000000).put("model", "gpt-4o");
  }

  private static ObjectNode usage(int in, int out) {
    return MAPPER.createObjectNode().put("input_tokens", in).put("output_tokens", out).put("total_tokens", in + out);
  }

  static ObjectNode anthropicText() {
    ObjectNode body = anthropicEnvelope("msg_mock_001", "end_turn");
    body.putArray("content").addObject().put("type", "text").put("text", TEXT);
    body.set("usage", MAPPER.createObjectNode().put("input_tokens", 10).put("output_tokens", 15));
    return body;
  }

  static ObjectNode anthropicToolCall() {
    ObjectNode body = anthropicEnvelope("msg_mock_002", "tool_use");
    ObjectNode use = body.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_mock_001").put("name", "get_weather");
    use.putObject("input").put("location", "San Francisco");
    body.set("usage", MAPPER.createObjectNode().put("input_tokens", 20).put("output_tokens", 25));
    return body;
  }

  private static ObjectNode anthropicEnvelope(String id, String stopReason) {
    return MAPPER.createObjectNode().put("id", id).put("type", "message").put("role", "assistant")
        .put("model", "claude-sonnet-4-20250514").put("stop_reason", stopReason);
  }

  static ObjectNode geminiText() {
    ObjectNode body = MAPPER.createObjectNode();
    ObjectNode candidate = body.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content").put("role", "model");
    content.putArray("parts").addObject().put("text", TEXT);
    candidate.put("finishReason", "STOP");
    body.putObject("usageMetadata").put("promptTokenCount", 10).put("candidatesTokenCount", 15).put("totalTokenCount", 25);
    return body;
  }

  static ObjectNode models() {
    ObjectNode body = MAPPER.createObjectNode().put("object", "list");
    ArrayNode data = body.putArray("data");
    data.addObject().put("id", "gpt-4o").put("object", "model").put("owned_by", "openai");
    data.addObject().put("id", "gpt-4o-mini").put("object", "model").put("owned_by", "openai");
    return body;
  }

  static List<JsonNode> openAiStream() {
    List<JsonNode> events = new java.util.ArrayList<>();
    events.add(json("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_mock_stream\",\"status\":\"in_progress\"}}"));
    events.add(json("{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"type\":\"message\",\"role\":\"assistant\"}}"));
    events.add(json("{\"type\":\"response.content_part.added\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\"}}"));
    for (String delta : STREAM_DELTAS) {
      events.add(MAPPER.createObjectNode().put("type", "response.output_text.delta").put("output_index", 0).put("content_index", 0).put("delta", delta));
    }
    String message = "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + STREAM_TEXT + "\"}]}";
    events.add(json("{\"type\":\"response.output_text.done\",\"output_index\":0,\"content_index\":0,\"text\":\"" + STREAM_TEXT + "\"}"));
    events.add(json("{\"type\":\"response.content_part.done\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"" + STREAM_TEXT + "\"}}"));
    events.add(json("{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":" + message + "}"));
    events.add(json("{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_mock_stream\",\"status\":\"completed\",\"output\":[" + message
        + "],\"usage\":{\"input_tokens\":10,\"output_tokens\":20,\"total_tokens\":30}}}"));
    return events;
  }

  static List<JsonNode> anthropicStream() {
    List<JsonNode> events = new java.util.ArrayList<>();
    events.add(json("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_mock_stream\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],"
        + "\"model\":\"claude-sonnet-4-20250514\",\"usage\":{\"input_tokens\":10,\"output_tokens\":0}}}"));
    events.add(json("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
    for (String delta : STREAM_DELTAS) {
      ObjectNode event = MAPPER.createObjectNode().put("type", "content_block_delta").put("index", 0);
      event.putObject("delta").put("type", "text_delta").put("text", delta);
      events.add(event);
    }
    events.add(json("{\"type\":\"content_block_stop\",\"index\":0}"));
    events.add(json("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":20}}"));
    events.add(json("{\"type\":\"message_stop\"}"));
    return events;
  }

  static ObjectNode error(String message, String type) {
    ObjectNode body = MAPPER.createObjectNode();
    body.putObject("error").put("message", message).put("type", type);
    return body;
  }

  private static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }
}
