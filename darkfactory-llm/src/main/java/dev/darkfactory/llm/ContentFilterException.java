package dev.darkfactory.llm;

/** The response was blocked by the provider's safety filter (§6.1, §6.5). */
public final class ContentFilterException extends ProviderException {

  public ContentFilterException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public ContentFilterException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "The provider's safety filter blocked this prompt or answer: rephrase the input or pick another model.", details, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "content_filter";
  }
}
