package dev.darkfactory.llm.provider.gemini;

import static dev.darkfactory.llm.StreamEventType.FINISH;
import static dev.darkfactory.llm.StreamEventType.STREAM_START;
import static dev.darkfactory.llm.StreamEventType.TEXT_DELTA;
import static dev.darkfactory.llm.StreamEventType.TEXT_END;
import static dev.darkfactory.llm.StreamEventType.TEXT_START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.Golden;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamFixtures;
import dev.darkfactory.llm.ToolResult;
import dev.darkfactory.llm.internal.json.Json;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GeminiResponseTranslatorTest {

    @Test
    void synthesizesCallIdsAndResponseIdAndInfersToolCallsFinish() {
        AtomicInteger ids = new AtomicInteger();
        Response response = GeminiResponseTranslator.translate(Golden.json("provider/gemini/response-thinking-tools.json"),
                "gemini", "gemini-3-flash-preview", List.of(), () -> "call_" + ids.incrementAndGet());
        assertThat(response.id()).startsWith("gemini-");
        assertThat(response.toolCalls()).extracting(call -> call.id() + ":" + call.name())
                .containsExactly("call_1:get_weather", "call_2:get_weather");
        assertThat(response.finishReason()).isEqualTo(FinishReason.of(FinishReason.Reason.TOOL_CALLS, "STOP"));
        assertThat(response.reasoning()).contains("Weather for two cities.");
        assertThat(response.usage().reasoningTokens()).contains(100);
        assertThat(response.usage().outputTokens()).as("thoughts count as output").isEqualTo(140);
        assertThat(response.usage().cacheReadTokens()).contains(1500);
    }

    @Test
    void functionResponsesUseTheFunctionNameAndReplayTheThoughtSignature() {
        AtomicInteger ids = new AtomicInteger();
        Response response = GeminiResponseTranslator.translate(Golden.json("provider/gemini/response-thinking-tools.json"),
                "gemini", "gemini-3-flash-preview", List.of(), () -> "call_" + ids.incrementAndGet());
        Request next = Request.builder("gemini-3-flash-preview").addMessage(Message.user("weather?")).addMessage(response.message())
                .addMessage(Message.toolResult(ToolResult.success("call_1", Json.parse("{\"temp\":18}"))))
                .addMessage(Message.toolResult("call_2", "rain", false)).build();
        var contents = GeminiRequestTranslator.translate(next, "gemini").body().path("contents");
        assertThat(contents.path(1).path("parts").path(0).path("thoughtSignature").asString()).isEqualTo("CiwBVKhc7vB+vaaq6");
        assertThat(Json.write(contents.path(2).path("parts"))).isEqualTo(
                "[{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"temp\":18}}},"
                        + "{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"result\":\"rain\"}}}]");
        assertThat(response.message().content()).filteredOn(ContentPart.Custom.class::isInstance).hasSize(1);
    }

    @Test
    void streamEndsAtConnectionCloseAfterAFinishReason() {
        List<StreamEvent> events = StreamFixtures.replay("provider/gemini/stream-text.sse",
                new GeminiStreamTranslator("gemini", "gemini-3-flash-preview", List.of()));
        assertThat(StreamFixtures.types(events)).containsExactly(STREAM_START, TEXT_START, TEXT_DELTA, TEXT_DELTA, TEXT_DELTA, TEXT_END, FINISH);
        Response response = StreamFixtures.finalResponse(events);
        assertThat(response.id()).isEqualTo("abc123");
        assertThat(response.text()).isEqualTo("Hello, world!");
        assertThat(response.usage().outputTokens()).isEqualTo(4);
    }

    @Test
    void streamClosedBeforeAnyFinishReasonIsAnError() {
        String sse = Golden.resource("provider/gemini/stream-text.sse");
        String cut = sse.substring(0, sse.lastIndexOf("data:"));
        List<StreamEvent> events = StreamFixtures.replayText(cut, new GeminiStreamTranslator("gemini", "m", List.of()));
        assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Error.class);
    }
}
