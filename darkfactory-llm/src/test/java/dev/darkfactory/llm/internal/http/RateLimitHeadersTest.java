package dev.darkfactory.llm.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.RateLimitInfo;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  private static HttpHeaders headers(Map<String, List<String>> values) {
    return HttpHeaders.of(values, (a, b) -> true);
  }

  @Test
  void readsOpenAiHeadersWithRelativeReset() {
    RateLimitInfo info = RateLimitHeaders.parse(headers(Map.of(
        "x-ratelimit-remaining-requests", List.of("59"), "x-ratelimit-limit-requests", List.of("60"),
        "x-ratelimit-remaining-tokens", List.of("149984"), "x-ratelimit-limit-tokens", List.of("150000"),
        "x-ratelimit-reset-requests", List.of("6m0s")))).orElseThrow();
    assertThat(info.requestsRemaining()).contains(59);
    assertThat(info.requestsLimit()).contains(60);
    assertThat(info.tokensRemaining()).contains(149984);
    assertThat(info.tokensLimit()).contains(150000);
    assertThat(info.resetAt()).hasValueSatisfying(at -> assertThat(at).isBetween(Instant.now().plusSeconds(350), Instant.now().plusSeconds(370)));
  }

  @Test
  void readsAnthropicHeadersAndIgnoresMalformedValues() {
    RateLimitInfo info = RateLimitHeaders.parse(headers(Map.of(
        "anthropic-ratelimit-requests-remaining", List.of("4"), "anthropic-ratelimit-tokens-limit", List.of("lots"),
        "anthropic-ratelimit-requests-reset", List.of("2026-11-25T14:00:00Z")))).orElseThrow();
    assertThat(info.requestsRemaining()).contains(4);
    assertThat(info.tokensLimit()).isEmpty();
    assertThat(info.resetAt()).contains(Instant.parse("2026-11-25T14:00:00Z"));
    assertThat(RateLimitHeaders.parse(headers(Map.of()))).isEmpty();
  }
}
