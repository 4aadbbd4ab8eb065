package dev.darkfactory.llm;

/** 400 or 422: malformed request or invalid parameters (§6.1, §6.4). */
public final class InvalidRequestException extends ProviderException {

  public InvalidRequestException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public InvalidRequestException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "The request was malformed for this provider: check parameters, message order and tool schemas in the error details.", details, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "invalid_request";
  }
}
