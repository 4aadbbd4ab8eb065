package dev.darkfactory.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.testkit.wire.Wire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The twin speaks raw wire JSON: tested with a plain HTTP client, no LLM client involved. */
class FakeProviderServerTest {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FakeProviderServer twin;

  @BeforeEach
  void start() {
    twin = FakeProviderServer.start();
  }

  @AfterEach
  void stop() {
    twin.close();
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Wire.MAPPER.readTree(response.body());
  }

  @Test
  void answersEachProviderInItsOwnFormat() throws Exception {
    twin.enqueue(Reply.text("r"));
    twin.enqueue(Reply.text("c"));
    twin.enqueue(Reply.text("a"));
    twin.enqueue(Reply.text("g"));
    assertThat(json(post("/v1/responses", "{\"model\":\"gpt-5.2\",\"input\":\"hi\"}")).path("output").path(0).path("content").path(0).path("text").asString())
        .isEqualTo("r");
    assertThat(json(post("/v1/chat/completions", "{\"model\":\"llama\",\"messages\":[]}")).path("choices").path(0).path("message").path("content").asString())
        .isEqualTo("c");
    assertThat(json(post("/v1/messages", "{\"model\":\"claude\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .path("content").path(0).path("text").asString()).isEqualTo("a");
    JsonNode gemini = json(post("/v1beta/models/gemini-3-flash-preview:generateContent", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}"));
    assertThat(gemini.path("candidates").path(0).path("content").path("parts").path(0).path("text").asString()).isEqualTo("g");
    assertThat(gemini.path("modelVersion").asString()).isEqualTo("gemini-3-flash-preview");
  }

  @Test
  void streamsWithEventLinesOrDataOnly() throws Exception {
    twin.enqueue(Reply.text("hello world").withChunkSize(5));
    String sse = post("/v1/messages", "{\"model\":\"claude\",\"max_tokens\":10,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").body();
    assertThat(sse).startsWith("event: message_start\ndata: ").contains("\"text_delta\"").endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    try (FakeProviderServer dataOnly = FakeProviderServer.start(Script.builder().streamStyle(StreamStyle.DATA_ONLY).build())) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(dataOnly.baseUrl() + "/v1/chat/completions"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true,\"messages\":[]}")).build();
      String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      assertThat(body).doesNotContain("event:").doesNotContain("[DONE]").startsWith("data: {");
    }
    twin.enqueue(Reply.text("x"));
    assertThat(post("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}").body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void recordsRequestsForAssertionsAndServesTheLogOverHttp() throws Exception {
    post("/v1/responses", "{\"model\":\"gpt-5.2\",\"input\":\"log me\"}", "Authorization", "Bearer k");
    RecordedRequest request = twin.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/responses");
    assertThat(request.header("Authorization")).contains("Bearer k");
    assertThat(request.json().path("input").asString()).isEqualTo("log me");
    JsonNode log = json(get("/requests"));
    assertThat(log.isArray()).isTrue();
    assertThat(log.path(0).path("path").asString()).isEqualTo("/v1/responses");
    get("/requests/reset");
    assertThat(twin.requests()).isEmpty();
  }

  @Test
  void listsModelsAndHealth() throws Exception {
    assertThat(json(get("/v1/models")).path("data").findValuesAsString("id")).contains("gpt-5.2", "claude-opus-4-6");
    assertThat(json(get("/v1beta/models")).path("models").path(0).path("name").asString()).startsWith("models/");
    assertThat(json(get("/health")).path("status").asString()).isEqualTo("ok");
  }

  @Test
  void matchesRepliesByPathAndBodyInOrder() throws Exception {
    try (FakeProviderServer scripted = FakeProviderServer.start(Script.builder()
        .on(Match.path("/v1/messages").bodyContains("weather"), Reply.toolCall("get_weather", "{\"city\":\"SF\"}"), 1)
        .on(Match.path("/v1/messages"), Reply.text("plain"), -1)
        .build())) {
      twin.close();
      twin = scripted;
      String weather = "{\"model\":\"c\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}]}";
      assertThat(json(post("/v1/messages", weather)).path("stop_reason").asString()).isEqualTo("tool_use");
      assertThat(json(post("/v1/messages", weather)).path("content").path(0).path("text").asString()).isEqualTo("plain");
      assertThat(json(post("/v1/messages", weather)).path("content").path(0).path("text").asString()).isEqualTo("plain");
    }
  }

  @Test
  void injectsHttpFaultsInTheProvidersErrorShape() throws Exception {
    twin.enqueue(Reply.fault(Fault.rateLimited(Duration.ofMillis(1500))));
    HttpResponse<String> limited = post("/v1/messages", "{\"model\":\"c\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).contains("1.5");
    assertThat(json(limited).path("error").path("type").asString()).isEqualTo("rate_limit_error");
    twin.enqueue(Reply.fault(Fault.quotaExhausted()));
    HttpResponse<String> quota = post("/v1/responses", "{\"model\":\"m\",\"input\":\"x\"}");
    assertThat(quota.statusCode()).isEqualTo(429);
    assertThat(json(quota).path("error").path("code").asString()).isEqualTo("insufficient_quota");
    twin.enqueue(Reply.fault(Fault.serverError()));
    HttpResponse<String> gemini = post("/v1beta/models/g:generateContent", "{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}]}");
    assertThat(json(gemini).path("error").path("status").asString()).isEqualTo("INTERNAL");
  }

  @Test
  void rejectsRequestsTheRealProvidersReject() throws Exception {
    assertThat(post("/v1/messages", "{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").body()).contains("max_tokens");
    assertThat(post("/v1/messages", "{\"model\":\"c\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"}]}").body())
        .contains("alternate");
    assertThat(post("/v1/responses", "{\"model\":\"m\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"zz\",\"output\":\"x\"}]}").statusCode())
        .isEqualTo(400);
    assertThat(post("/v1/responses", "{\"model\":\"m\",\"input\":\"x\",\"text\":{\"format\":{\"type\":\"json_schema\",\"strict\":true,"
        + "\"schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"additionalProperties\":false}}}}").body())
        .contains("'required' is required");
    assertThat(post("/v1beta/models/g:generateContent", "{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],"
        + "\"generationConfig\":{\"responseSchema\":{\"type\":\"object\",\"additionalProperties\":false}}}").body())
        .contains("additionalProperties");
  }

  @Test
  void requiresTheApiKeyInEachProvidersPlaceWhenScripted() throws Exception {
    try (FakeProviderServer keyed = FakeProviderServer.start(Script.builder().apiKey("secret").build())) {
      twin.close();
      twin = keyed;
      assertThat(post("/v1/responses", "{\"model\":\"m\",\"input\":\"x\"}", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
      assertThat(post("/v1/responses", "{\"model\":\"m\",\"input\":\"x\"}", "Authorization", "Bearer secret").statusCode()).isEqualTo(200);
      assertThat(post("/v1/messages", "{\"model\":\"c\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
          "x-api-key", "secret").statusCode()).isEqualTo(200);
      assertThat(post("/v1beta/models/g:generateContent?key=secret", "{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}]}").statusCode()).isEqualTo(200);
      assertThat(post("/v1beta/models/g:generateContent", "{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}]}").body()).contains("API key not valid");
    }
  }

  @Test
  void truncatesAtTheRequestsOutputLimitLikeARealModel() throws Exception {
    twin.enqueue(Reply.text("word ".repeat(200)));
    JsonNode response = json(post("/v1/messages", "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
    assertThat(response.path("stop_reason").asString()).isEqualTo("max_tokens");
    assertThat(response.path("content").path(0).path("text").asString().length()).isEqualTo(40);
  }

  @Test
  void streamFaultsCutStallAndCorrupt() throws Exception {
    twin.enqueue(Reply.text("abcdefghij").withChunkSize(2).withFault(new Fault.TruncateStream(3)));
    String truncated = post("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}").body();
    assertThat(truncated).doesNotEndWith("\n\n").doesNotContain("[DONE]");
    twin.enqueue(Reply.text("abcdefghij").withChunkSize(2).withFault(new Fault.MalformedJson(1)));
    assertThat(post("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}").body()).contains("data: {\"type\": \"broken");
  }

  @Test
  void sendsRateLimitHeadersInEachProvidersConvention() throws Exception {
    RateLimitReply limits = new RateLimitReply(100, 99, 50_000, 49_000, Duration.ofMinutes(6));
    for (String path : List.of("/v1/responses", "/v1/chat/completions")) {
      twin.enqueue(Reply.text("x").withRateLimit(limits));
      twin.enqueue(Reply.text("x").withRateLimit(limits));
      String body = path.endsWith("responses") ? "{\"model\":\"m\",\"input\":\"x\"" : "{\"model\":\"m\",\"messages\":[]";
      for (HttpResponse<String> response : List.of(post(path, body + "}"), post(path, body + ",\"stream\":true}"))) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ratelimit-limit-requests")).contains("100");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).contains("99");
        assertThat(response.headers().firstValue("x-ratelimit-limit-tokens")).contains("50000");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).contains("49000");
        assertThat(response.headers().firstValue("x-ratelimit-reset-requests")).contains("6m0s");
      }
    }
    twin.enqueue(Reply.text("x").withRateLimit(limits));
    HttpResponse<String> anthropic = post("/v1/messages",
        "{\"model\":\"c\",\"max_tokens\":5,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertThat(anthropic.headers().firstValue("anthropic-ratelimit-requests-remaining")).contains("99");
    assertThat(anthropic.headers().firstValue("anthropic-ratelimit-tokens-limit")).contains("50000");
    assertThat(java.time.Instant.parse(anthropic.headers().firstValue("anthropic-ratelimit-requests-reset").orElseThrow()))
        .isAfter(java.time.Instant.now().plusSeconds(300));
    assertThat(anthropic.headers().firstValue("x-ratelimit-remaining-requests")).isEmpty();
    twin.enqueue(Reply.text("x").withRateLimit(limits).withHeader("x-gateway", "yes"));
    HttpResponse<String> gemini = post("/v1beta/models/g:generateContent", "{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}]}");
    assertThat(gemini.headers().map().keySet()).noneMatch(name -> name.contains("ratelimit"));
    assertThat(gemini.headers().firstValue("x-gateway")).contains("yes");
  }

  @Test
  void formatsResetsAsOpenAiDoes() {
    assertThat(RateLimitReply.openAiDuration(Duration.ofMillis(20))).isEqualTo("20ms");
    assertThat(RateLimitReply.openAiDuration(Duration.ofSeconds(1))).isEqualTo("1s");
    assertThat(RateLimitReply.openAiDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(RateLimitReply.openAiDuration(Duration.ofMinutes(6))).isEqualTo("6m0s");
  }

  @Test
  void parsesScriptsFromJson() {
    Script script = Script.parse("""
                {"stream_style":"data-only","api_key":"k","models":["m1"],"strict":true,
                 "replies":[{"match":{"path":"/v1/messages","body_contains":"x"},"times":2,"text":"hi",
                             "tool_calls":[{"name":"f","arguments":{"a":1}}],"thinking":{"text":"t","signature":"s"},
                             "usage":{"input_tokens":3,"output_tokens":4},"finish_reason":"length",
                             "fault":{"type":"rate_limit","retry_after":0.5},
                             "rate_limit":{"requests_limit":10,"requests_remaining":9,"tokens_limit":100,"tokens_remaining":90,
                                           "reset_requests":2},
                             "headers":{"x-request-id":"req_1"}}],
                 "default":{"text":"fallback"}}""");
    assertThat(script.streamStyle()).isEqualTo(StreamStyle.DATA_ONLY);
    assertThat(script.apiKey()).contains("k");
    assertThat(script.models()).containsExactly("m1");
    assertThat(script.strict()).isTrue();
    Script.Rule rule = script.rules().get(0);
    assertThat(rule.times()).isEqualTo(2);
    assertThat(rule.reply().toolCalls()).singleElement().satisfies(call -> assertThat(call.argumentsJson()).isEqualTo("{\"a\":1}"));
    assertThat(rule.reply().fault()).contains(Fault.rateLimited(Duration.ofMillis(500)));
    assertThat(rule.reply().finish()).contains("length");
    assertThat(rule.reply().rateLimit()).contains(new RateLimitReply(10, 9, 100, 90, Duration.ofSeconds(2)));
    assertThat(rule.reply().headers()).containsExactly(java.util.Map.entry("x-request-id", "req_1"));
    assertThat(script.fallback().orElseThrow().headers()).isEmpty();
    assertThat(script.fallback().map(Reply::text)).contains("fallback");
    assertThat(List.of(StreamStyle.values())).hasSize(2);
  }
}
