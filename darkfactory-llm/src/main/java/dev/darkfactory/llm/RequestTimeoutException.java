package dev.darkfactory.llm;

/** A request, step or stream-idle timeout expired (§6.1; not retried by default, §6.3). */
public final class RequestTimeoutException extends LlmException {

  public RequestTimeoutException(String message) {
    this(message, null);
  }

  public RequestTimeoutException(String message, Throwable cause) {
    super(message, "The call took longer than its timeout: raise the timeout, lower max_tokens, or retry.", cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "timeout";
  }
}
