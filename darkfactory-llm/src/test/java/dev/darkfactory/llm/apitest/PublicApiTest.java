package dev.darkfactory.llm.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.AdapterTimeout;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Middleware;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.generate.GenerateOptions;
import dev.darkfactory.llm.generate.GenerateResult;
import dev.darkfactory.llm.generate.Generator;
import dev.darkfactory.llm.generate.Tool;
import dev.darkfactory.llm.provider.anthropic.AnthropicAdapter;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Uses only public types, from another package, the way the agent module will: a break here fails to compile. */
class PublicApiTest {

    @Test
    void theAgentModulesPathThroughThePublicApi() {
        try (FakeProviderServer twin = FakeProviderServer.start()) {
            AtomicInteger seen = new AtomicInteger();
            Middleware counting = new Middleware() {
                @Override
                public Response complete(Request request, Next<Response> next) {
                    seen.incrementAndGet();
                    return next.proceed(request);
                }
            };
            AnthropicAdapter adapter = new AnthropicAdapter(AdapterConfig.builder("anthropic", twin.baseUrl().toString())
                    .apiKey("test-key").timeout(new AdapterTimeout(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2))).build());
            try (Client client = Client.builder().provider(adapter).middleware(counting).build()) {
                twin.enqueue(Reply.toolCall("read_file", "{\"path\":\"README.md\"}"));
                twin.enqueue(Reply.text("The README says hello."));
                Tool readFile = Tool.active("read_file", "Reads a file",
                        JsonMapper.builder().build().readTree("{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}"),
                        (arguments, context) -> "hello from " + arguments.path("path").asString());
                GenerateResult result = new Generator(client).generate(GenerateOptions.builder("claude-opus-4-6")
                        .system("You are a coding agent.").prompt("Summarize the README").tool(readFile).maxToolRounds(4).build());
                assertThat(result.text()).isEqualTo("The README says hello.");
                assertThat(seen).hasValue(2);

                twin.enqueue(Reply.text("streamed"));
                try (EventStream events = client.stream(Request.of("claude-opus-4-6", "hi"))) {
                    for (StreamEvent event : events) {
                        switch (event) {
                            case StreamEvent.Finish finish -> assertThat(finish.response().text()).isEqualTo("streamed");
                            case StreamEvent.Error error -> throw error.error();
                            default -> {
                                // Deltas.
                            }
                        }
                    }
                }
                twin.enqueue(Reply.text("plain"));
                assertThat(client.complete(Request.builder("claude-opus-4-6").addMessage(Message.user("hi")).build()).text()).isEqualTo("plain");
            }
        }
        try (Client none = Client.fromEnv(Environment.of(java.util.Map.of()))) {
            try {
                none.complete(Request.of("m", "hi"));
            } catch (LlmException e) {
                assertThat(e.retryable()).isFalse();
                assertThat(e.kind()).isEqualTo("configuration");
            }
        }
    }
}
