package dev.darkfactory.llm;

/** 403: the key lacks permission (§6.1, §6.4). */
public final class AccessDeniedException extends ProviderException {

  public AccessDeniedException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public AccessDeniedException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "The key works but lacks permission for this model or feature: enable it for the key's project or use another model.", details, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "access_denied";
  }
}
