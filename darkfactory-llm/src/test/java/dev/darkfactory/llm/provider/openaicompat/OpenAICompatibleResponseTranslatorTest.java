package dev.darkfactory.llm.provider.openaicompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.Golden;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAICompatibleResponseTranslatorTest {

    @Test
    void translatesToolCallsReasoningContentAndCachedTokens() {
        Response response = OpenAICompatibleResponseTranslator.translate(Golden.json("provider/openaicompat/response-tools.json"),
                "ollama", "llama3.2", List.of());
        assertThat(response.reasoning()).contains("Need weather.");
        assertThat(response.toolCalls()).singleElement().satisfies(call -> assertThat(call.id()).isEqualTo("call_abc"));
        assertThat(response.finishReason().reason()).isEqualTo(FinishReason.Reason.TOOL_CALLS);
        assertThat(response.usage().cacheReadTokens()).contains(64);
    }

    @Test
    void streamWithoutDoneFinishesAtCloseAfterFinishReason() {
        List<StreamEvent> events = StreamFixtures.replay("provider/openaicompat/stream-no-done.sse",
                new OpenAICompatibleStreamTranslator("ollama", "llama3.2", List.of()));
        Response response = StreamFixtures.finalResponse(events);
        assertThat(response.text()).isEqualTo("Hi");
        assertThat(response.toolCalls()).singleElement().satisfies(call -> assertThat(call.arguments().path("city").asString()).isEqualTo("Oslo"));
        assertThat(response.usage().totalTokens()).isEqualTo(15);
    }

    @Test
    void doneMarkerFinishesTheStreamToo() {
        String sse = Golden.resource("provider/openaicompat/stream-no-done.sse") + "data: [DONE]\n\n";
        List<StreamEvent> events = StreamFixtures.replayText(sse, new OpenAICompatibleStreamTranslator("ollama", "llama3.2", List.of()));
        assertThat(events.stream().filter(StreamEvent.Finish.class::isInstance)).hasSize(1);
    }
}
