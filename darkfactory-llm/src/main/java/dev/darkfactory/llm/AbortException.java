package dev.darkfactory.llm;

/** The call was cancelled through its {@link AbortSignal} (§4.7). */
public final class AbortException extends LlmException {

  public AbortException(String message) {
    this(message, null);
  }

  public AbortException(String message, Throwable cause) {
    super(message, "The call was cancelled by its abort signal; nothing to fix.", cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "aborted";
  }
}
