package dev.darkfactory.llm.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Conversations;
import dev.darkfactory.llm.Golden;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.ToolChoice;
import dev.darkfactory.llm.internal.json.Json;
import org.junit.jupiter.api.Test;

class GeminiRequestTranslatorTest {

    @Test
    void translatesEveryRoleAndContentKind() {
        var body = GeminiRequestTranslator.translate(Conversations.everything("gemini-3-flash-preview"), "gemini").body();
        Golden.assertMatches(body, "provider/gemini/request-everything.json");
        assertThat(body.findValues("additionalProperties")).as("Gemini rejects additionalProperties").isEmpty();
    }

    @Test
    void structuredOutputNamedToolChoiceAndOptions() {
        Request request = Request.builder("gemini-3-flash-preview")
                .addMessage(Message.user("Extract"))
                .responseFormat(ResponseFormat.jsonSchema(Conversations.weatherSchema(), true))
                .tools(java.util.List.of(new dev.darkfactory.llm.ToolDefinition("get_weather", "w", Conversations.weatherSchema())))
                .toolChoice(ToolChoice.named("get_weather"))
                .reasoningEffort("low")
                .providerOptions("gemini", Json.parse("{\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_NONE\"}]}"))
                .build();
        Golden.assertMatches(GeminiRequestTranslator.translate(request, "gemini").body(), "provider/gemini/request-structured.json");
    }
}
