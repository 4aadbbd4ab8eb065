package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini"})
    void completeAndStream(String provider) {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            twin.enqueue(Reply.text("Hello there, world!"));
            twin.enqueue(Reply.text("Streamed hello!"));
            Response response = client.complete(Request.builder("m").provider(provider).addMessage(Message.user("hi")).build());
            assertThat(response.text()).isEqualTo("Hello there, world!");
            assertThat(response.finishReason().reason()).isEqualTo(FinishReason.Reason.STOP);
            StringBuilder text = new StringBuilder();
            Response streamed;
            try (EventStream events = client.stream(Request.builder("m").provider(provider).addMessage(Message.user("hi")).build())) {
                streamed = null;
                for (StreamEvent event : events) {
                    if (event instanceof StreamEvent.TextDelta delta) {
                        text.append(delta.delta());
                    }
                    if (event instanceof StreamEvent.Finish finish) {
                        streamed = finish.response();
                    }
                    if (event instanceof StreamEvent.Error error) {
                        throw error.error();
                    }
                }
            }
            assertThat(text.toString()).isEqualTo("Streamed hello!");
            assertThat(streamed.text()).isEqualTo("Streamed hello!");
        }
    }

    @Test
    void toolCall() {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            twin.enqueue(Reply.toolCall("get_weather", "{\"city\":\"SF\"}"));
            Response response = client.complete(Request.builder("m").provider("gemini").addMessage(Message.user("hi")).build());
            assertThat(response.toolCalls()).hasSize(1);
            assertThat(response.toolCalls().get(0).arguments().path("city").asString()).isEqualTo("SF");
        }
    }
}
