package dev.darkfactory.llm;

/** 401, or a message naming an invalid key: the API key was rejected (§6.1, §6.4). */
public final class AuthenticationException extends ProviderException {

  public AuthenticationException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public AuthenticationException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "Check the provider's API key variable (e.g. OPENAI_API_KEY): it is missing, mistyped, revoked or for another account.", details, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "authentication";
  }
}
