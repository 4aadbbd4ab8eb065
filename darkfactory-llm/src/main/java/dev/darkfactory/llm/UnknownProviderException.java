package dev.darkfactory.llm;

/** A provider error that maps to no other type; retryable by default (§6.3). */
public final class UnknownProviderException extends ProviderException {

  public UnknownProviderException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public UnknownProviderException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "An unrecognized provider error: retry, and if it persists check the provider's status page and the raw error.", details, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }

  @Override
  public String kind() {
    return "provider_error";
  }
}
