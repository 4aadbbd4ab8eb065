package dev.darkfactory.llm;

import java.time.Instant;
import java.util.Optional;

/** Rate-limit headers of a response, informational only (unified-llm-spec §3.12). */
public record RateLimitInfo(
    Optional<Integer> requestsRemaining,
    Optional<Integer> requestsLimit,
    Optional<Integer> tokensRemaining,
    Optional<Integer> tokensLimit,
    Optional<Instant> resetAt) {

  public boolean isEmpty() {
    return requestsRemaining.isEmpty()
        && requestsLimit.isEmpty()
        && tokensRemaining.isEmpty()
        && tokensLimit.isEmpty()
        && resetAt.isEmpty();
  }
}
