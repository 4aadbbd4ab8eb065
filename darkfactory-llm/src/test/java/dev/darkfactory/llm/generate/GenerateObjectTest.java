package dev.darkfactory.llm.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.NoObjectGeneratedException;
import dev.darkfactory.llm.Twins;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class GenerateObjectTest {

    static final JsonNode PERSON = Json.parse("""
            {"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"},"nickname":{"type":"string"}},
             "required":["name","age"]}""");

    /** How each provider delivers structured output: text for OpenAI and Gemini, the extraction tool for Anthropic. */
    static Reply objectReply(String provider, String json) {
        return provider.equals("anthropic") ? Reply.toolCall("structured_output", json) : Reply.text(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini"})
    void returnsParsedValidatedOutputWithOptionalNullsDropped(String provider) {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            twin.enqueue(objectReply(provider, "{\"name\":\"Alice\",\"age\":30,\"nickname\":null}"));
            GenerateResult result = new Generator(client).generateObject(
                    GenerateOptions.builder("model").provider(provider).prompt("Extract: Alice is 30 years old").build(), PERSON);
            assertThat(result.output()).hasValueSatisfying(output -> {
                assertThat(output.path("name").asString()).isEqualTo("Alice");
                assertThat(output.path("age").asInt()).isEqualTo(30);
                assertThat(output.has("nickname")).isFalse();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic", "gemini"})
    void invalidOrNonConformingOutputRaisesNoObjectGeneratedWithoutRetry(String provider) {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            Generator generator = new Generator(client);
            GenerateOptions options = GenerateOptions.builder("model").provider(provider).prompt("Extract").build();
            twin.enqueue(provider.equals("anthropic") ? Reply.text("I cannot do that") : Reply.text("{\"name\": \"Alice\", "));
            assertThatThrownBy(() -> generator.generateObject(options, PERSON)).isInstanceOf(NoObjectGeneratedException.class);
            twin.enqueue(objectReply(provider, "{\"name\":\"Alice\",\"age\":\"thirty\"}"));
            assertThatThrownBy(() -> generator.generateObject(options, PERSON)).isInstanceOfSatisfying(NoObjectGeneratedException.class,
                    e -> assertThat(e.getMessage()).contains("does not match the schema"));
            assertThat(twin.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void streamObjectYieldsGrowingPartialObjects() {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            twin.enqueue(Reply.text("{\"name\":\"Alice Smith\",\"age\":30}").withChunkSize(5));
            ObjectStreamResult stream = new Generator(client).streamObject(GenerateOptions.builder("gpt-5.2").prompt("Extract").build(), PERSON);
            List<JsonNode> partials = new ArrayList<>();
            stream.forEach(partials::add);
            assertThat(partials.size()).isGreaterThan(2);
            assertThat(partials.get(0).path("name").asString()).isNotEqualTo("Alice Smith");
            assertThat(partials.get(partials.size() - 1).path("age").asInt()).isEqualTo(30);
            assertThat(stream.object().path("name").asString()).isEqualTo("Alice Smith");
        }
    }

    @Test
    void anthropicStreamsTheExtractionToolAsText() {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            twin.enqueue(Reply.toolCall("structured_output", "{\"name\":\"Bob\",\"age\":41}").withChunkSize(4));
            ObjectStreamResult stream = new Generator(client).streamObject(
                    GenerateOptions.builder("claude-opus-4-6").provider("anthropic").prompt("Extract").build(), PERSON);
            assertThat(stream.object().path("age").asInt()).isEqualTo(41);
        }
    }
}
