package dev.darkfactory.llm;

/** A connection-level failure: refused, reset, DNS, TLS (§6.1). */
public final class NetworkException extends LlmException {

  public NetworkException(String message) {
    this(message, null);
  }

  public NetworkException(String message, Throwable cause) {
    super(message, "Could not reach the provider: check the network, proxy and the *_BASE_URL setting.", cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }

  @Override
  public String kind() {
    return "network";
  }
}
