package dev.darkfactory.llm.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Conversations;
import dev.darkfactory.llm.Golden;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.ToolChoice;
import dev.darkfactory.llm.internal.http.WireRequest;
import dev.darkfactory.llm.internal.json.Json;
import org.junit.jupiter.api.Test;

class OpenAIRequestTranslatorTest {

    @Test
    void translatesEveryRoleAndContentKind() {
        WireRequest wire = OpenAIRequestTranslator.translate(Conversations.everything("gpt-5.2"), false, "openai");
        Golden.assertMatches(wire.body(), "provider/openai/request-everything.json");
        assertThat(wire.warnings()).extracting(w -> w.code().orElse("")).containsExactly("unsupported_parameter");
    }

    @Test
    void structuredOutputReasoningOptionsAndStream() {
        Request request = Request.builder("gpt-5.2")
                .addMessage(dev.darkfactory.llm.Message.user("Extract: Alice is 30"))
                .responseFormat(ResponseFormat.jsonSchema(Json.parse("""
                        {"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name"]}"""), true))
                .reasoningEffort("high")
                .toolChoice(ToolChoice.named("get_weather"))
                .tools(java.util.List.of(new dev.darkfactory.llm.ToolDefinition("get_weather", "w", Conversations.weatherSchema())))
                .providerOptions("openai", Json.parse("{\"store\":false,\"tools\":[{\"type\":\"web_search_preview\"}]}"))
                .metadata("run", "r1")
                .build();
        Golden.assertMatches(OpenAIRequestTranslator.translate(request, true, "openai").body(), "provider/openai/request-structured.json");
    }
}
