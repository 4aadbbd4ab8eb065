package dev.darkfactory.llm;

/** 500-599: a provider-side failure (§6.1, §6.4). */
public final class ServerException extends ProviderException {

  public ServerException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public ServerException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "The provider had an internal error or is overloaded: retry later (retries with backoff are automatic in generate()).", details, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }

  @Override
  public String kind() {
    return "server";
  }
}
