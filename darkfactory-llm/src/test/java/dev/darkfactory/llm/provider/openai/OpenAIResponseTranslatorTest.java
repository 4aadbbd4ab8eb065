package dev.darkfactory.llm.provider.openai;

import static dev.darkfactory.llm.StreamEventType.FINISH;
import static dev.darkfactory.llm.StreamEventType.STREAM_START;
import static dev.darkfactory.llm.StreamEventType.TEXT_DELTA;
import static dev.darkfactory.llm.StreamEventType.TEXT_END;
import static dev.darkfactory.llm.StreamEventType.TEXT_START;
import static dev.darkfactory.llm.StreamEventType.TOOL_CALL_DELTA;
import static dev.darkfactory.llm.StreamEventType.TOOL_CALL_END;
import static dev.darkfactory.llm.StreamEventType.TOOL_CALL_START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.Golden;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.StreamFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAIResponseTranslatorTest {

    @Test
    void translatesReasoningTextParallelCallsAndUsage() {
        Response response = OpenAIResponseTranslator.translate(Golden.json("provider/openai/response-tools-reasoning.json"), "openai", List.of());
        assertThat(response.id()).isEqualTo("resp_67ccd2bed1ec8190b14f964abc054267");
        assertThat(response.model()).isEqualTo("gpt-5.2-2026-01-15");
        assertThat(response.text()).isEqualTo("Checking both cities.");
        assertThat(response.reasoning()).contains("Need the weather tool.");
        assertThat(response.toolCalls()).extracting(call -> call.id() + ":" + call.arguments().path("city").asString())
                .containsExactly("call_sf:San Francisco", "call_ny:New York");
        assertThat(response.toolCalls().get(0).rawArguments()).contains("{\"city\":\"San Francisco\"}");
        assertThat(response.finishReason().reason()).isEqualTo(FinishReason.Reason.TOOL_CALLS);
        assertThat(response.usage().inputTokens()).isEqualTo(1200);
        assertThat(response.usage().outputTokens()).isEqualTo(300);
        assertThat(response.usage().reasoningTokens()).contains(256);
        assertThat(response.usage().cacheReadTokens()).contains(1024);
        assertThat(response.usage().cacheWriteTokens()).isEmpty();
        assertThat(response.raw()).isPresent();
    }

    @Test
    void incompleteAtMaxOutputTokensIsLengthNeverACleanFinish() {
        Response response = OpenAIResponseTranslator.translate(Golden.json("provider/openai/response-incomplete.json"), "openai", List.of());
        assertThat(response.finishReason()).isEqualTo(FinishReason.of(FinishReason.Reason.LENGTH, "max_output_tokens"));
        assertThat(response.truncated()).isTrue();
        assertThat(response.warnings()).extracting(w -> w.code().orElse("")).contains("truncated");
    }

    @Test
    void streamFollowsStartDeltaEndAndFinishesWithReasoningUsage() {
        List<StreamEvent> events = StreamFixtures.replay("provider/openai/stream-tools.sse", new OpenAIStreamTranslator("openai", "gpt-5.2", List.of()));
        assertThat(StreamFixtures.types(events)).containsExactly(STREAM_START, TEXT_START, TEXT_DELTA, TEXT_DELTA, TEXT_END,
                TOOL_CALL_START, TOOL_CALL_DELTA, TOOL_CALL_DELTA, TOOL_CALL_END, FINISH);
        Response response = StreamFixtures.finalResponse(events);
        assertThat(response.id()).isEqualTo("resp_1");
        assertThat(response.text()).isEqualTo("Checking now.");
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_sf");
            assertThat(call.arguments().path("city").asString()).isEqualTo("SF");
        });
        assertThat(response.finishReason().reason()).isEqualTo(FinishReason.Reason.TOOL_CALLS);
        assertThat(response.usage().reasoningTokens()).contains(8);
    }

    @Test
    void dataOnlyFramesWithoutEventLinesWork() {
        String dataOnly = Golden.resource("provider/openai/stream-tools.sse").replaceAll("(?m)^event: .*\\n", "");
        List<StreamEvent> events = StreamFixtures.replayText(dataOnly, new OpenAIStreamTranslator("openai", "gpt-5.2", List.of()));
        assertThat(StreamFixtures.finalResponse(events).text()).isEqualTo("Checking now.");
    }

    @Test
    void itemsWithoutIdsAreKeyedByOutputIndexSoTextIsNotDuplicated() {
        List<StreamEvent> events = StreamFixtures.replay("provider/openai/stream-minimal.sse", new OpenAIStreamTranslator("openai", "gpt-5.2", List.of()));
        Response response = StreamFixtures.finalResponse(events);
        assertThat(response.text()).isEqualTo("Hello! Streamed.");
        assertThat(response.id()).isEqualTo("resp_min");
        assertThat(response.usage().totalTokens()).isEqualTo(30);
        assertThat(StreamFixtures.types(events)).containsExactly(STREAM_START, TEXT_START, TEXT_DELTA, TEXT_DELTA, TEXT_END, FINISH);
    }

    @Test
    void aStreamClosedBeforeResponseCompletedEndsInAStreamError() {
        String sse = Golden.resource("provider/openai/stream-tools.sse");
        String cut = sse.substring(0, sse.indexOf("event: response.completed"));
        List<StreamEvent> events = StreamFixtures.replayText(cut, new OpenAIStreamTranslator("openai", "gpt-5.2", List.of()));
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamEvent.Error.class,
                error -> assertThat(error.error()).isInstanceOf(StreamException.class));
    }
}
