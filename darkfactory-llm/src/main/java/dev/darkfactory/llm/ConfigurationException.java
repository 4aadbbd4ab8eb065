package dev.darkfactory.llm;

/** The client is misconfigured: no provider, unknown provider, invalid definition (§6.1). */
public final class ConfigurationException extends LlmException {

  public ConfigurationException(String message, String remedy) {
    super(message, remedy, null);
  }

  public ConfigurationException(String message, String remedy, Throwable cause) {
    super(message, remedy, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "configuration";
  }
}
