package dev.darkfactory.llm.internal.http;

import dev.darkfactory.llm.RateLimitInfo;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rate-limit headers into {@link RateLimitInfo} (unified-llm-spec §3.12, §7.5): OpenAI's
 * {@code x-ratelimit-*} and Anthropic's {@code anthropic-ratelimit-*}.
 */
public final class RateLimitHeaders {

  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+(?:\\.\\d+)?)s)?(?:(\\d+)ms)?");

  private RateLimitHeaders() {}

  public static Optional<RateLimitInfo> parse(HttpHeaders headers) {
    RateLimitInfo info = new RateLimitInfo(
        integer(headers, "x-ratelimit-remaining-requests", "anthropic-ratelimit-requests-remaining"),
        integer(headers, "x-ratelimit-limit-requests", "anthropic-ratelimit-requests-limit"),
        integer(headers, "x-ratelimit-remaining-tokens", "anthropic-ratelimit-tokens-remaining"),
        integer(headers, "x-ratelimit-limit-tokens", "anthropic-ratelimit-tokens-limit"),
        reset(headers));
    return info.isEmpty() ? Optional.empty() : Optional.of(info);
  }

  private static Optional<Integer> integer(HttpHeaders headers, String... names) {
    for (String name : names) {
      Optional<String> value = headers.firstValue(name);
      if (value.isPresent()) {
        try {
          return Optional.of(Integer.parseInt(value.get().strip()));
        } catch (NumberFormatException ignored) {
          // A malformed informational header is not worth failing a response for.
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> reset(HttpHeaders headers) {
    Optional<String> anthropic = headers.firstValue("anthropic-ratelimit-requests-reset");
    if (anthropic.isPresent()) {
      try {
        return Optional.of(Instant.parse(anthropic.get().strip()));
      } catch (java.time.format.DateTimeParseException ignored) {
        // Fall through to the OpenAI form.
      }
    }
    return headers.firstValue("x-ratelimit-reset-requests").flatMap(RateLimitHeaders::relative);
  }

  /** OpenAI sends resets as durations like "1s", "6m0s", "20ms". */
  private static Optional<Instant> relative(String value) {
    Matcher matcher = DURATION.matcher(value.strip());
    if (!matcher.matches() || value.isBlank()) {
      return Optional.empty();
    }
    Duration duration = Duration.ZERO;
    if (matcher.group(1) != null) {
      duration = duration.plusHours(Long.parseLong(matcher.group(1)));
    }
    if (matcher.group(2) != null) {
      duration = duration.plusMinutes(Long.parseLong(matcher.group(2)));
    }
    if (matcher.group(3) != null) {
      duration = duration.plusMillis(Math.round(Double.parseDouble(matcher.group(3)) * 1000));
    }
    if (matcher.group(4) != null) {
      duration = duration.plusMillis(Long.parseLong(matcher.group(4)));
    }
    return Optional.of(Instant.now().plus(duration));
  }
}
