package dev.darkfactory.llm.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Conversations;
import dev.darkfactory.llm.Golden;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.ToolChoice;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.llm.internal.http.WireRequest;
import dev.darkfactory.llm.internal.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicRequestTranslatorTest {

    @Test
    void translatesEveryRoleAndContentKindWithCacheBreakpoints() {
        WireRequest wire = AnthropicRequestTranslator.translate(Conversations.everything("claude-opus-4-6"), false, "anthropic");
        Golden.assertMatches(wire.body(), "provider/anthropic/request-everything.json");
        assertThat(wire.headers()).containsEntry("anthropic-beta", "prompt-caching-2024-07-31");
    }

    @Test
    void autoCacheOffBetaHeadersThinkingAndDefaultMaxTokens() {
        Request request = Request.builder("claude-opus-4-6")
                .addMessage(Message.user("hi"))
                .addMessage(Message.user("second user message merges"))
                .providerOptions("anthropic", Json.parse("""
                        {"auto_cache":false,"beta_headers":["interleaved-thinking-2025-05-14"],
                         "thinking":{"type":"enabled","budget_tokens":2048}}"""))
                .build();
        WireRequest wire = AnthropicRequestTranslator.translate(request, true, "anthropic");
        Golden.assertMatches(wire.body(), "provider/anthropic/request-options.json");
        assertThat(wire.body().findValues("cache_control")).isEmpty();
        assertThat(wire.body().path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(wire.headers()).containsEntry("anthropic-beta", "interleaved-thinking-2025-05-14");
    }

    @Test
    void toolChoiceNoneOmitsToolsAndStructuredOutputForcesTheExtractionTool() {
        Request none = Request.builder("claude-opus-4-6").addMessage(Message.user("hi"))
                .tools(List.of(new ToolDefinition("get_weather", "w", Conversations.weatherSchema())))
                .toolChoice(ToolChoice.none()).build();
        assertThat(AnthropicRequestTranslator.translate(none, false, "anthropic").body().has("tools")).isFalse();

        Request required = none.toBuilder().toolChoice(ToolChoice.required()).build();
        assertThat(Json.write(AnthropicRequestTranslator.translate(required, false, "anthropic").body().path("tool_choice")))
                .isEqualTo("{\"type\":\"any\"}");

        Request structured = Request.builder("claude-opus-4-6").addMessage(Message.user("Alice is 30"))
                .responseFormat(ResponseFormat.jsonSchema(Conversations.weatherSchema(), true)).build();
        var body = AnthropicRequestTranslator.translate(structured, false, "anthropic").body();
        assertThat(Json.write(body.path("tool_choice"))).isEqualTo("{\"type\":\"tool\",\"name\":\"structured_output\"}");
        assertThat(body.path("tools").path(0).path("name").asString()).isEqualTo("structured_output");
    }
}
