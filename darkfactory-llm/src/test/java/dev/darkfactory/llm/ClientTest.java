package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTest {

    /** A fake adapter answering with its own name: routing tests need no HTTP. */
    static class NamedAdapter implements ProviderAdapter {
        private final String name;

        NamedAdapter(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Response complete(Request request) {
            return new Response("id", request.model(), name, Message.assistant(name + ":" + request.model()),
                    FinishReason.stop(), Usage.of(1000, 1000), java.util.Optional.empty(), List.of(), java.util.Optional.empty(),
                    java.util.Optional.empty());
        }

        @Override
        public EventStream stream(Request request) {
            Response response = complete(request);
            return EventStream.of(List.of(new StreamEvent.TextStart("t"), new StreamEvent.TextDelta("t", response.text()),
                    new StreamEvent.TextEnd("t"), new StreamEvent.Finish(FinishReason.stop(), response.usage(), response)));
        }
    }

    @Test
    void routesByProviderAndFallsBackToTheFirstRegistered() {
        Client client = Client.builder().provider(new NamedAdapter("a")).provider(new NamedAdapter("b")).build();
        assertThat(client.complete(Request.of("m", "hi")).text()).isEqualTo("a:m");
        assertThat(client.complete(Request.of("m", "hi").withProvider("b")).text()).isEqualTo("b:m");
        assertThat(client.defaultProvider()).contains("a");
        Client withDefault = Client.builder().provider(new NamedAdapter("a")).provider(new NamedAdapter("b")).defaultProvider("b").build();
        assertThat(withDefault.complete(Request.of("m", "hi")).text()).isEqualTo("b:m");
    }

    @Test
    void unsupportedToolChoiceModesAreRejectedBeforeSending() {
        ProviderAdapter noRequired = new NamedAdapter("x") {
        };
        Client client = Client.builder().provider(new ProviderAdapter() {
            @Override
            public String name() {
                return "limited";
            }

            @Override
            public Response complete(Request request) {
                return noRequired.complete(request);
            }

            @Override
            public EventStream stream(Request request) {
                return noRequired.stream(request);
            }

            @Override
            public boolean supportsToolChoice(ToolChoice.Mode mode) {
                return mode != ToolChoice.Mode.REQUIRED;
            }
        }).build();
        assertThat(client.complete(Request.builder("m").addMessage(Message.user("hi")).toolChoice(ToolChoice.auto()).build()).text())
                .isEqualTo("x:m");
        assertThatThrownBy(() -> client.complete(Request.builder("m").addMessage(Message.user("hi")).toolChoice(ToolChoice.required()).build()))
                .isInstanceOf(UnsupportedToolChoiceException.class);
    }

    @Test
    void noProviderIsAConfigurationErrorNeverAGuess() {
        Client empty = Client.builder().build();
        assertThatThrownBy(() -> empty.complete(Request.of("m", "hi"))).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((LlmException) e).remedy()).contains("OPENAI_API_KEY"));
        Client one = Client.builder().provider(new NamedAdapter("a")).build();
        assertThatThrownBy(() -> one.complete(Request.of("m", "hi").withProvider("zzz"))).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void middlewareRunsInOnionOrderForCompleteAndStream() {
        List<String> trace = new ArrayList<>();
        Middleware first = new Middleware() {
            @Override
            public Response complete(Request request, Next<Response> next) {
                trace.add("first>");
                Response response = next.proceed(request);
                trace.add("<first");
                return response;
            }

            @Override
            public EventStream stream(Request request, Next<EventStream> next) {
                trace.add("first>");
                return next.proceed(request).peek(event -> trace.add("first:" + event.type().wireName()));
            }
        };
        Middleware second = new Middleware() {
            @Override
            public Response complete(Request request, Next<Response> next) {
                trace.add("second>");
                Response response = next.proceed(request.toBuilder().model("rewritten").build());
                trace.add("<second");
                return response;
            }

            @Override
            public EventStream stream(Request request, Next<EventStream> next) {
                trace.add("second>");
                return next.proceed(request).map(event -> event instanceof StreamEvent.TextDelta delta
                        ? new StreamEvent.TextDelta(delta.textId(), delta.delta().toUpperCase()) : event);
            }
        };
        Client client = Client.builder().provider(new NamedAdapter("a")).middleware(first).middleware(second).build();
        assertThat(client.complete(Request.of("m", "hi")).text()).isEqualTo("a:rewritten");
        assertThat(trace).containsExactly("first>", "second>", "<second", "<first");
        trace.clear();
        StringBuilder text = new StringBuilder();
        try (EventStream events = client.stream(Request.of("m", "hi"))) {
            events.forEach(event -> {
                if (event instanceof StreamEvent.TextDelta delta) {
                    text.append(delta.delta());
                }
            });
        }
        assertThat(text.toString()).as("the inner middleware transformed it before the outer one saw it").isEqualTo("A:M");
        assertThat(trace).startsWith("first>", "second>").contains("first:text_delta");
    }

    @Test
    void fromEnvRegistersOnlyProvidersWithNonEmptyKeysInSpecOrder() {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", "");
        env.put("ANTHROPIC_API_KEY", "sk-ant");
        env.put("GOOGLE_API_KEY", "g");
        try (Client client = Client.fromEnv(Environment.of(env))) {
            assertThat(client.providerNames()).containsExactly("anthropic", "gemini");
            assertThat(client.defaultProvider()).contains("anthropic");
        }
        env.put("OPENAI_API_KEY", "   ");
        env.put("ANTHROPIC_API_KEY", "");
        env.put("GOOGLE_API_KEY", "");
        try (Client none = Client.fromEnv(Environment.of(env))) {
            assertThat(none.providerNames()).isEmpty();
            assertThatThrownBy(() -> none.complete(Request.of("m", "hi"))).isInstanceOf(ConfigurationException.class);
        }
    }

    @Test
    void fromEnvHonoursBaseUrlOverridesAndTheDefaultProviderVariable() {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin, "gemini")) {
            assertThat(client.providerNames()).containsExactly("openai", "anthropic", "gemini");
            twin.enqueue(Reply.text("from the twin"));
            assertThat(client.complete(Request.of("gemini-3-flash-preview", "hi")).text()).isEqualTo("from the twin");
            assertThat(twin.lastRequest().path()).isEqualTo("/v1beta/models/gemini-3-flash-preview:generateContent");
            assertThat(twin.lastRequest().query()).isEqualTo("key=test-key");
        }
    }

    @Test
    void providersFileDeclaresAGatewayWithoutCode(@TempDir Path dir) throws Exception {
        try (FakeProviderServer twin = FakeProviderServer.start()) {
            Path file = dir.resolve("providers.json");
            Files.writeString(file, """
                    {"providers": [
                      {"name": "ollama", "base_url": "%s/v1", "wire_format": "openai-chat",
                       "models": [{"id": "llama3.2", "context_window": 128000, "input_cost_per_million": 0, "output_cost_per_million": 0}]},
                      {"name": "router", "base_url": "%s/v1", "api_key_env": "ROUTER_KEY", "wire_format": "openai-chat",
                       "headers": {"X-Title": "Dark Factory"}, "models": ["some/model"]},
                      {"name": "needs-key", "base_url": "%s/v1", "api_key_env": "MISSING_KEY", "wire_format": "openai-chat"}
                    ]}""".formatted(twin.baseUrl(), twin.baseUrl(), twin.baseUrl()));
            Map<String, String> env = Map.of(Client.PROVIDERS_FILE_VARIABLE, file.toString(), "ROUTER_KEY", "rk");
            try (Client client = Client.fromEnv(Environment.of(env), Twins.FAST)) {
                assertThat(client.providerNames()).containsExactly("ollama", "router");
                twin.enqueue(Reply.text("local answer").withUsage(10, 5));
                Response response = client.complete(Request.of("llama3.2", "hi"));
                assertThat(response.text()).isEqualTo("local answer");
                assertThat(response.provider()).isEqualTo("ollama");
                assertThat(twin.lastRequest().path()).isEqualTo("/v1/chat/completions");
                assertThat(twin.lastRequest().header("authorization")).isEmpty();
                assertThat(response.cost()).hasValueSatisfying(cost -> assertThat(cost.total()).isZero());
                assertThat(client.catalog().getModelInfo("llama3.2")).hasValueSatisfying(info ->
                        assertThat(info.contextWindow()).isEqualTo(128000));
                twin.enqueue(Reply.text("routed"));
                client.complete(Request.of("some/model", "hi").withProvider("router"));
                assertThat(twin.lastRequest().header("authorization")).contains("Bearer rk");
                assertThat(twin.lastRequest().header("x-title")).contains("Dark Factory");
            }
        }
    }

    @Test
    void providersFileDeclaresGatewaysOfTheOtherWireFormats(@TempDir Path dir) throws Exception {
        try (FakeProviderServer twin = FakeProviderServer.start()) {
            Path file = dir.resolve("providers.json");
            Files.writeString(file, """
                    {"providers": [
                      {"name": "claude-proxy", "base_url": "%s", "api_key_env": "PROXY_KEY", "wire_format": "anthropic",
                       "models": ["proxied-claude"]},
                      {"name": "responses-proxy", "base_url": "%s/v1", "api_key_env": "PROXY_KEY", "wire_format": "openai-responses"},
                      {"name": "gemini-proxy", "base_url": "%s", "api_key_env": "PROXY_KEY", "wire_format": "gemini"}
                    ]}""".formatted(twin.baseUrl(), twin.baseUrl(), twin.baseUrl()));
            Map<String, String> env = Map.of(Client.PROVIDERS_FILE_VARIABLE, file.toString(), "PROXY_KEY", "pk");
            try (Client client = Client.fromEnv(Environment.of(env), Twins.FAST)) {
                assertThat(client.providerNames()).containsExactly("claude-proxy", "responses-proxy", "gemini-proxy");

                twin.enqueue(Reply.text("from the proxied claude"));
                Response claude = client.complete(Request.of("proxied-claude", "hi"));
                assertThat(claude.text()).isEqualTo("from the proxied claude");
                assertThat(claude.provider()).isEqualTo("claude-proxy");
                assertThat(twin.lastRequest().path()).isEqualTo("/v1/messages");
                assertThat(twin.lastRequest().header("x-api-key")).contains("pk");
                assertThat(twin.lastRequest().header("anthropic-version")).isPresent();
                twin.enqueue(Reply.text("streamed by the proxied claude").withChunkSize(5));
                assertThat(client.stream(Request.of("proxied-claude", "hi")).collect().text())
                        .isEqualTo("streamed by the proxied claude");
                assertThat(twin.lastRequest().json().path("stream").asBoolean()).isTrue();

                twin.enqueue(Reply.text("from the responses proxy"));
                Response responses = client.complete(Request.of("m", "hi").withProvider("responses-proxy"));
                assertThat(responses.text()).isEqualTo("from the responses proxy");
                assertThat(responses.provider()).isEqualTo("responses-proxy");
                assertThat(twin.lastRequest().path()).isEqualTo("/v1/responses");
                assertThat(twin.lastRequest().header("authorization")).contains("Bearer pk");
                twin.enqueue(Reply.text("streamed by the responses proxy").withChunkSize(5));
                assertThat(client.stream(Request.of("m", "hi").withProvider("responses-proxy")).collect().text())
                        .isEqualTo("streamed by the responses proxy");

                twin.enqueue(Reply.text("from the gemini proxy"));
                Response gemini = client.complete(Request.of("g", "hi").withProvider("gemini-proxy"));
                assertThat(gemini.text()).isEqualTo("from the gemini proxy");
                assertThat(twin.lastRequest().path()).isEqualTo("/v1beta/models/g:generateContent");
                twin.enqueue(Reply.text("streamed by the gemini proxy").withChunkSize(5));
                assertThat(client.stream(Request.of("g", "hi").withProvider("gemini-proxy")).collect().text())
                        .isEqualTo("streamed by the gemini proxy");
                assertThat(twin.lastRequest().path()).isEqualTo("/v1beta/models/g:streamGenerateContent");
            }
        }
    }

    @Test
    void anEndpointOverrideSendsTheProvidersWireFormatElsewhere() {
        try (FakeProviderServer twin = FakeProviderServer.start()) {
            twin.enqueue(dev.darkfactory.testkit.Match.path("/v1/rate-limited"),
                    Reply.fault(dev.darkfactory.testkit.Fault.rateLimited(java.time.Duration.ofSeconds(1))));
            var adapter = new dev.darkfactory.llm.provider.openai.OpenAIAdapter(AdapterConfig.builder("openai", twin.baseUrl() + "/v1")
                    .apiKey("k").endpoint(twin.baseUrl() + "/v1/rate-limited").timeout(Twins.FAST).build());
            try (Client client = Client.builder().provider(adapter).build()) {
                assertThatThrownBy(() -> client.complete(Request.of("gpt-5.2", "hi"))).isInstanceOf(RateLimitException.class);
                assertThat(twin.lastRequest().path()).isEqualTo("/v1/rate-limited");
                assertThat(twin.lastRequest().json().path("input").isArray()).isTrue();
            }
        }
    }

    @Test
    void responsesArePricedFromTheCatalog() {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            twin.enqueue(Reply.text("priced").withUsage(new Reply.UsageReply(1_000_000, 100_000, 0, 400_000, 0)));
            Response response = client.complete(Request.of("gpt-5.2", "hi"));
            // 600k plain input at $1.75/M + 400k cached at $0.175/M + 100k output at $14/M.
            assertThat(response.cost()).hasValueSatisfying(cost ->
                    assertThat(cost.total()).isEqualByComparingTo("2.52"));
        }
    }

    @Test
    void aPerCallTimeoutAbortsTheCall() {
        try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
            // The answer comes far later than the bound below, which leaves a loaded machine room beyond the 200 ms.
            twin.enqueue(Reply.text("late").withFault(dev.darkfactory.testkit.Fault.delay(java.time.Duration.ofSeconds(60))));
            Request request = Request.builder("m").addMessage(Message.user("hi")).timeout(java.time.Duration.ofMillis(200)).build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.complete(request)).isInstanceOf(RequestTimeoutException.class);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
        }
    }
}
