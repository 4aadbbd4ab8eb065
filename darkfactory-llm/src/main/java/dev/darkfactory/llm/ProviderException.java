package dev.darkfactory.llm;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An error reported by the LLM provider (unified-llm-spec §6.1-6.2). Subtypes follow the status mapping of §6.4 and
 * the message classification of §6.5; {@link UnknownProviderException} covers everything else and is retryable
 * (§6.3: unknown errors default to retryable).
 */
public abstract sealed class ProviderException extends LlmException
    permits AuthenticationException,
        AccessDeniedException,
        NotFoundException,
        InvalidRequestException,
        RateLimitException,
        ServerException,
        ContentFilterException,
        ContextLengthException,
        QuotaExceededException,
        UnknownProviderException {

  private final ProviderErrorDetails details;

  protected ProviderException(String message, String remedy, ProviderErrorDetails details, Throwable cause) {
    super(message, remedy, cause);
    this.details = details;
  }

  public String provider() {
    return details.provider();
  }

  public Optional<Integer> statusCode() {
    return details.statusCode();
  }

  /** The provider's own error code or type, e.g. {@code rate_limit_error}. */
  public Optional<String> errorCode() {
    return details.errorCode();
  }

  /** How long the provider asked us to wait, from {@code Retry-After}. */
  public Optional<Duration> retryAfter() {
    return details.retryAfter();
  }

  /** The raw error body. */
  public Optional<JsonNode> raw() {
    return details.raw();
  }

  public ProviderErrorDetails details() {
    return details;
  }
}
