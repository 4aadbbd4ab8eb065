package dev.darkfactory.llm.provider.anthropic;

import static dev.darkfactory.llm.StreamEventType.FINISH;
import static dev.darkfactory.llm.StreamEventType.REASONING_DELTA;
import static dev.darkfactory.llm.StreamEventType.REASONING_END;
import static dev.darkfactory.llm.StreamEventType.REASONING_START;
import static dev.darkfactory.llm.StreamEventType.STREAM_START;
import static dev.darkfactory.llm.StreamEventType.TEXT_DELTA;
import static dev.darkfactory.llm.StreamEventType.TEXT_END;
import static dev.darkfactory.llm.StreamEventType.TEXT_START;
import static dev.darkfactory.llm.StreamEventType.TOOL_CALL_DELTA;
import static dev.darkfactory.llm.StreamEventType.TOOL_CALL_END;
import static dev.darkfactory.llm.StreamEventType.TOOL_CALL_START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.Golden;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamFixtures;
import dev.darkfactory.llm.internal.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnthropicResponseTranslatorTest {

    @Test
    void translatesThinkingRedactedThinkingTextToolsAndCacheUsage() {
        Response response = AnthropicResponseTranslator.translate(Golden.json("provider/anthropic/response-thinking-tools.json"), "anthropic", List.of());
        assertThat(response.message().content()).extracting(ContentPart::kind)
                .containsExactly("thinking", "redacted_thinking", "text", "tool_call", "tool_call");
        assertThat(response.message().content().get(0)).isEqualTo(new ContentPart.Thinking(
                "The user wants weather in two cities.", Optional.of("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds")));
        assertThat(response.finishReason()).isEqualTo(FinishReason.of(FinishReason.Reason.TOOL_CALLS, "tool_use"));
        assertThat(response.usage().inputTokens()).as("cached tokens are part of the prompt").isEqualTo(2050);
        assertThat(response.usage().cacheReadTokens()).contains(1800);
        assertThat(response.usage().cacheWriteTokens()).contains(200);
        assertThat(response.usage().outputTokens()).isEqualTo(120);
        assertThat(response.usage().reasoningTokens()).hasValueSatisfying(tokens -> assertThat(tokens).isBetween(5, 15));
    }

    @Test
    void thinkingAndRedactedThinkingReplayVerbatim() {
        Response response = AnthropicResponseTranslator.translate(Golden.json("provider/anthropic/response-thinking-tools.json"), "anthropic", List.of());
        Request next = Request.builder("claude-opus-4-6").addMessage(Message.user("weather?")).addMessage(response.message())
                .addMessage(Message.toolResult("toolu_01A09q90qw90lq917835lq9", "sunny", false))
                .addMessage(Message.toolResult("toolu_01B", "rain", false)).build();
        var replayed = AnthropicRequestTranslator.translate(next, false, "anthropic").body().path("messages").path(1).path("content");
        var original = Golden.json("provider/anthropic/response-thinking-tools.json").path("content");
        assertThat(Json.write(replayed.path(0))).isEqualTo(Json.write(original.path(0)));
        assertThat(Json.write(replayed.path(1))).isEqualTo(Json.write(original.path(1)));
    }

    @Test
    void maxTokensCutIsLengthEvenWithAToolCallInFlight() {
        Response response = AnthropicResponseTranslator.translate(Golden.json("provider/anthropic/response-max-tokens.json"), "anthropic", List.of());
        assertThat(response.finishReason().reason()).isEqualTo(FinishReason.Reason.LENGTH);
        assertThat(response.warnings()).extracting(w -> w.code().orElse("")).contains("truncated");
    }

    @Test
    void streamKeepsTheSignatureAndAssemblesToolArguments() {
        List<StreamEvent> events = StreamFixtures.replay("provider/anthropic/stream-thinking-tools.sse",
                new AnthropicStreamTranslator("anthropic", "claude-opus-4-6", List.of()));
        assertThat(StreamFixtures.types(events)).containsExactly(STREAM_START, REASONING_START, REASONING_DELTA, REASONING_DELTA,
                REASONING_END, TEXT_START, TEXT_DELTA, TEXT_DELTA, TEXT_END, TOOL_CALL_START, TOOL_CALL_DELTA, TOOL_CALL_DELTA,
                TOOL_CALL_DELTA, TOOL_CALL_END, FINISH);
        Response response = StreamFixtures.finalResponse(events);
        assertThat(response.message().content().get(0)).isEqualTo(new ContentPart.Thinking("Two cities, two calls.",
                Optional.of("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds")));
        assertThat(response.text()).isEqualTo("Looking up.");
        assertThat(response.toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.arguments().path("city").asString()).isEqualTo("San Francisco"));
        assertThat(response.usage().outputTokens()).isEqualTo(89);
        assertThat(response.usage().cacheReadTokens()).contains(900);
        assertThat(response.usage().inputTokens()).isEqualTo(925);
    }
}
