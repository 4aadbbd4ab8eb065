package dev.darkfactory.testkit;

import dev.darkfactory.testkit.wire.WireFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rate-limit state the twin reports with a successful answer, in each provider's own headers: OpenAI (Responses and
 * Chat Completions) sends {@code x-ratelimit-limit-requests}, {@code x-ratelimit-remaining-requests},
 * {@code x-ratelimit-limit-tokens}, {@code x-ratelimit-remaining-tokens} and {@code x-ratelimit-reset-requests} as a
 * duration such as {@code 6m0s}; Anthropic sends {@code anthropic-ratelimit-requests-limit}, {@code -remaining},
 * {@code -reset} (an RFC 3339 instant) and the same for tokens. The Gemini API sends no rate-limit headers, so none
 * are sent on its routes (use {@link Reply#withHeader} to imitate a gateway that adds them).
 *
 * @param resetRequests how long until the request budget is full again
 */
public record RateLimitReply(int requestsLimit, int requestsRemaining, int tokensLimit, int tokensRemaining,
    Duration resetRequests) {

  public RateLimitReply {
    Objects.requireNonNull(resetRequests, "resetRequests");
  }

  public static RateLimitReply of(int requestsLimit, int requestsRemaining, int tokensLimit, int tokensRemaining) {
    return new RateLimitReply(requestsLimit, requestsRemaining, tokensLimit, tokensRemaining, Duration.ofSeconds(1));
  }

  /** The headers for an answer in {@code format} (none for Gemini). */
  public Map<String, String> headers(WireFormat format) {
    Map<String, String> headers = new LinkedHashMap<>();
    switch (format) {
      case OPENAI_RESPONSES, OPENAI_CHAT -> {
        headers.put("x-ratelimit-limit-requests", Integer.toString(requestsLimit));
        headers.put("x-ratelimit-remaining-requests", Integer.toString(requestsRemaining));
        headers.put("x-ratelimit-limit-tokens", Integer.toString(tokensLimit));
        headers.put("x-ratelimit-remaining-tokens", Integer.toString(tokensRemaining));
        headers.put("x-ratelimit-reset-requests", openAiDuration(resetRequests));
      }
      case ANTHROPIC -> {
        String reset = Instant.now().plus(resetRequests).truncatedTo(ChronoUnit.SECONDS).toString();
        headers.put("anthropic-ratelimit-requests-limit", Integer.toString(requestsLimit));
        headers.put("anthropic-ratelimit-requests-remaining", Integer.toString(requestsRemaining));
        headers.put("anthropic-ratelimit-requests-reset", reset);
        headers.put("anthropic-ratelimit-tokens-limit", Integer.toString(tokensLimit));
        headers.put("anthropic-ratelimit-tokens-remaining", Integer.toString(tokensRemaining));
      }
      case GEMINI -> {
        // The Gemini API reports quota only in 429 bodies.
      }
    }
    return headers;
  }

  /** OpenAI's reset form: "20ms", "1s", "1.5s", "6m0s". */
  static String openAiDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    long minutes = millis / 60_000;
    long rest = millis % 60_000;
    String seconds = rest % 1000 == 0 ? Long.toString(rest / 1000) : Double.toString(rest / 1000.0);
    return (minutes > 0 ? minutes + "m" : "") + seconds + "s";
  }
}
