package dev.darkfactory.llm;

import dev.darkfactory.llm.internal.json.Json;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Shared requests for golden tests: one request exercising every role and content kind. */
public final class Conversations {

  public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

  private Conversations() {}

  public static JsonNode weatherSchema() {
    return Json.parse("""
                {"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string","enum":["c","f"]}},
                 "required":["city"],"additionalProperties":false}""");
  }

  /** System, developer, a multimodal user turn, an assistant turn with thinking and a tool call, its result, a follow-up. */
  public static Request everything(String model) {
    ToolCall call = ToolCall.of("call_1", "get_weather", Json.parse("{\"city\":\"Paris\"}"));
    return Request.builder(model)
        .addMessage(Message.system("You are terse."))
        .addMessage(Message.developer("Prefer metric units."))
        .addMessage(Message.user(
            ContentPart.text("What is in this picture, and the weather?"),
            ContentPart.image("https://example.com/cat.png"),
            ContentPart.image(PNG, "image/png")))
        .addMessage(Message.of(Role.ASSISTANT, List.of(
            new ContentPart.Thinking("The user wants weather.", Optional.of("sig_abc")),
            new ContentPart.RedactedThinking("opaque=="),
            ContentPart.text("Let me check."),
            new ContentPart.ToolCallPart(call))))
        .addMessage(Message.toolResult("call_1", "18C and sunny", false))
        .addMessage(Message.user("Thanks. And tomorrow?"))
        .tools(List.of(new ToolDefinition("get_weather", "Current weather for a city", weatherSchema())))
        .toolChoice(ToolChoice.auto())
        .maxTokens(1000)
        .temperature(0.5)
        .stopSequences(List.of("END"))
        .build();
  }
}
