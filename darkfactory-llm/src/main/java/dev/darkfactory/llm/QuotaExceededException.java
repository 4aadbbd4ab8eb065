package dev.darkfactory.llm;

/** 402, or a message about billing, credits or an exhausted quota: retrying will not help until the account is topped up (§6.1, §6.3). */
public final class QuotaExceededException extends ProviderException {

  public QuotaExceededException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public QuotaExceededException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "The account's credits or billing quota are exhausted: add credits or raise the spending limit in the provider's console, then resume.", details, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "quota_exceeded";
  }
}
