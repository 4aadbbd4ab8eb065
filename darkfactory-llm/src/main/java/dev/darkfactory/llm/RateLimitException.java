package dev.darkfactory.llm;

/** 429: the provider's rate limit was hit; {@link #retryAfter()} says how long to wait (§6.1, §6.7). */
public final class RateLimitException extends ProviderException {

  public RateLimitException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public RateLimitException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, remedy(details), details, cause);
  }

  private static String remedy(ProviderErrorDetails details) {
    return details.retryAfter()
        .map(wait -> "Rate limited: wait " + wait.toMillis() / 1000.0 + " s (Retry-After) or lower the request rate.")
        .orElse("Rate limited: wait and retry, or lower the request rate or raise the account's limits.");
  }

  @Override
  public boolean retryable() {
    return true;
  }

  @Override
  public String kind() {
    return "rate_limit";
  }
}
