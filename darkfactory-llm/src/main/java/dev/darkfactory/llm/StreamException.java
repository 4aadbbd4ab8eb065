package dev.darkfactory.llm;

/** The stream failed while being consumed: cut mid-event, malformed frame, or ended before its final event (§6.1). */
public final class StreamException extends LlmException {

  public StreamException(String message) {
    this(message, null);
  }

  public StreamException(String message, Throwable cause) {
    super(message, "The response stream broke off before it finished: retry the call.", cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }

  @Override
  public String kind() {
    return "stream";
  }
}
