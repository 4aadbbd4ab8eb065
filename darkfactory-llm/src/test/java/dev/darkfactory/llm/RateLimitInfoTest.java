package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.generate.GenerateOptions;
import dev.darkfactory.llm.generate.Generator;
import dev.darkfactory.llm.generate.StreamResult;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.RateLimitReply;
import dev.darkfactory.testkit.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rate-limit headers reach {@link Response#rateLimit()} whether the response was completed or streamed (§3.12). */
class RateLimitInfoTest {

  private static final RateLimitReply LIMITS = new RateLimitReply(100, 99, 50_000, 49_000, Duration.ofMinutes(6));

  private FakeProviderServer twin;
  private Client client;

  @BeforeEach
  void start() {
    twin = FakeProviderServer.start();
    client = Twins.clientWithGateway(twin);
  }

  @AfterEach
  void stop() {
    client.close();
    twin.close();
  }

  private static Request request(String provider) {
    return Request.builder("m").provider(provider).addMessage(Message.user("hi")).build();
  }

  private static void assertLimits(Response response) {
    assertThat(response.rateLimit()).hasValueSatisfying(info -> {
      assertThat(info.requestsLimit()).contains(100);
      assertThat(info.requestsRemaining()).contains(99);
      assertThat(info.tokensLimit()).contains(50_000);
      assertThat(info.tokensRemaining()).contains(49_000);
      assertThat(info.resetAt()).hasValueSatisfying(reset -> assertThat(reset).isAfter(Instant.now().plusSeconds(300)));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", Twins.GATEWAY})
  void completeCarriesTheRateLimitHeaders(String provider) {
    twin.enqueue(Reply.text("ok").withRateLimit(LIMITS));
    assertLimits(client.complete(request(provider)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", Twins.GATEWAY})
  void aStreamsFinalResponseCarriesTheRateLimitHeaders(String provider) {
    twin.enqueue(Reply.text("streamed ok").withChunkSize(3).withRateLimit(LIMITS));
    Response response;
    try (EventStream events = client.stream(request(provider))) {
      response = events.collect();
    }
    assertThat(response.text()).isEqualTo("streamed ok");
    assertLimits(response);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void theHighLevelStreamsResponseCarriesThemToo(String provider) {
    twin.enqueue(Reply.text("high level").withRateLimit(LIMITS).withHeader("x-ratelimit-remaining-requests", "99")
        .withHeader("x-ratelimit-limit-requests", "100").withHeader("x-ratelimit-remaining-tokens", "49000")
        .withHeader("x-ratelimit-limit-tokens", "50000").withHeader("x-ratelimit-reset-requests", "6m0s"));
    StreamResult stream = new Generator(client).stream(GenerateOptions.builder("m").provider(provider).prompt("hi")
        .retryPolicy(Twins.fastRetries(0)).build());
    stream.forEach(event -> { });
    assertLimits(stream.response());
  }

  @Test
  void geminiSendsNoRateLimitHeadersSoNeitherPathHasAny() {
    twin.enqueue(Reply.text("ok").withRateLimit(LIMITS));
    assertThat(client.complete(request("gemini")).rateLimit()).isEmpty();
    twin.enqueue(Reply.text("ok").withRateLimit(LIMITS));
    assertThat(client.stream(request("gemini")).collect().rateLimit()).isEmpty();
  }

  @Test
  void aGatewayInFrontOfGeminiThatAddsThemIsReadOnBothPaths() {
    for (int i = 0; i < 2; i++) {
      twin.enqueue(Reply.text("ok").withHeader("x-ratelimit-remaining-requests", "99").withHeader("x-ratelimit-limit-requests", "100")
          .withHeader("x-ratelimit-remaining-tokens", "49000").withHeader("x-ratelimit-limit-tokens", "50000")
          .withHeader("x-ratelimit-reset-requests", "6m0s"));
    }
    assertLimits(client.complete(request("gemini")));
    assertLimits(client.stream(request("gemini")).collect());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void withoutHeadersThereIsNoRateLimitInfo(String provider) {
    twin.enqueue(Reply.text("ok"));
    twin.enqueue(Reply.text("ok"));
    assertThat(client.complete(request(provider)).rateLimit()).isEmpty();
    assertThat(client.stream(request(provider)).collect().rateLimit()).isEmpty();
  }
}
