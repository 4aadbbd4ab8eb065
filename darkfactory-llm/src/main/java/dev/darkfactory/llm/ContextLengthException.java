package dev.darkfactory.llm;

/** 413, or a message saying the input exceeds the context window (§6.1, §6.5). */
public final class ContextLengthException extends ProviderException {

  public ContextLengthException(String message, ProviderErrorDetails details) {
    this(message, details, null);
  }

  public ContextLengthException(String message, ProviderErrorDetails details, Throwable cause) {
    super(message, "The conversation is longer than the model's context window: shorten or summarize the history, or pick a model with a larger window.", details, cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "context_length";
  }
}
