package dev.darkfactory.llm;

/** 404, or a message saying the model or endpoint does not exist (§6.1, §6.4). */
public final class NotFoundException extends ProviderException {

  public NotFoundException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public NotFoundException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "Check the model name with 'factory llm models' and the provider's base URL.", details, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "not_found";
  }
}
