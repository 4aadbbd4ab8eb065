package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.catalog.ModelInfo;
import dev.darkfactory.llm.generate.GenerateOptions;
import dev.darkfactory.llm.generate.GenerateResult;
import dev.darkfactory.llm.generate.Generator;
import dev.darkfactory.llm.generate.StreamResult;
import dev.darkfactory.llm.generate.Tool;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-to-end smoke test of unified-llm-spec §8.10, against the twin instead of real keys. */
class IntegrationSmokeTest {

    @Test
    void theSpecSmokeTestPassesOnTheTwin() {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            Generator generator = new Generator(client);

            // 1. Basic generation across all providers, with the catalog's latest model.
            for (String provider : List.of("anthropic", "openai", "gemini")) {
                ModelInfo latest = client.catalog().getLatestModel(provider).orElseThrow();
                twin.enqueue(Reply.text("Hello from " + provider + "."));
                GenerateResult result = generator.generate(GenerateOptions.builder(latest.id()).provider(provider)
                        .prompt("Say hello in one sentence.").maxTokens(100).build());
                assertThat(result.text()).isNotEmpty();
                assertThat(result.usage().inputTokens()).isPositive();
                assertThat(result.usage().outputTokens()).isPositive();
                assertThat(result.finishReason().reason()).isEqualTo(FinishReason.Reason.STOP);
                assertThat(result.response().cost()).as("catalog prices the latest model").isPresent();
            }

            // 2. Streaming.
            twin.enqueue(Reply.text("Silent code compiles / tests pass in morning light / ship before the rain").withChunkSize(5));
            StreamResult stream = generator.stream(GenerateOptions.builder("claude-opus-4-6").provider("anthropic").prompt("Write a haiku.").build());
            List<String> chunks = new ArrayList<>();
            stream.forEach(event -> {
                if (event instanceof StreamEvent.TextDelta delta) {
                    chunks.add(delta.delta());
                }
            });
            assertThat(String.join("", chunks)).isEqualTo(stream.response().text());

            // 3. Tool calling with parallel execution.
            twin.enqueue(Reply.text("").withToolCall("get_weather", "{\"city\":\"San Francisco\"}").withToolCall("get_weather", "{\"city\":\"New York\"}"));
            twin.enqueue(Reply.text("San Francisco is 18C and New York is 12C."));
            Tool weather = Tool.active("get_weather", "Weather for a city",
                    Json.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"),
                    (args, context) -> args.path("city").asString().equals("New York") ? "12C" : "18C");
            GenerateResult tools = generator.generate(GenerateOptions.builder("claude-opus-4-6").provider("anthropic")
                    .prompt("What is the weather in San Francisco and New York?").tool(weather).maxToolRounds(3).build());
            assertThat(tools.steps().size()).isGreaterThanOrEqualTo(2);
            assertThat(tools.text()).contains("San Francisco").contains("New York");

            // 4. Image input.
            twin.enqueue(Reply.text("I see a PNG header."));
            GenerateResult image = generator.generate(GenerateOptions.builder("claude-opus-4-6").provider("anthropic")
                    .messages(List.of(Message.user(ContentPart.text("What do you see?"), ContentPart.image(Conversations.PNG, "image/png")))).build());
            assertThat(image.text()).isNotEmpty();

            // 5. Structured output.
            twin.enqueue(Reply.text("{\"name\":\"Alice\",\"age\":30}"));
            GenerateResult object = generator.generateObject(GenerateOptions.builder("gpt-5.2").provider("openai")
                    .prompt("Extract: Alice is 30 years old").build(),
                    Json.parse("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}},\"required\":[\"name\",\"age\"]}"));
            assertThat(object.output().orElseThrow().path("name").asString()).isEqualTo("Alice");
            assertThat(object.output().orElseThrow().path("age").asInt()).isEqualTo(30);

            // 6. Error handling: an unknown model is a NotFoundError (checked against the provider's model list).
            assertThatThrownBy(() -> client.verifyModel("openai", "nonexistent-model-xyz")).isInstanceOf(NotFoundException.class);
            try (Client strict = Client.builder().provider(client.adapter("openai").orElseThrow()).rejectUnknownModels(true).build()) {
                assertThatThrownBy(() -> new Generator(strict).generate(GenerateOptions.builder("nonexistent-model-xyz")
                        .provider("openai").prompt("test").build())).isInstanceOf(NotFoundException.class);
            }
        }
    }

    @Test
    void modelsTheProviderListsOrTheCatalogKnowsPassVerification() {
        try (FakeProviderServer twin = FakeProviderServer.start(dev.darkfactory.testkit.Script.builder()
                .models(List.of("brand-new-model")).build()); Client client = Twins.client(twin)) {
            client.verifyModel("openai", "brand-new-model");
            client.verifyModel("openai", "gpt-5.2");
            client.verifyModel("gemini", "brand-new-model");
            assertThatThrownBy(() -> client.verifyModel("anthropic", "nonexistent")).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nonexistent");
        }
    }
}
