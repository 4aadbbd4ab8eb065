package dev.darkfactory.llm;

/** Tool call arguments failed to parse or validate against the tool's schema (§5.8). */
public final class InvalidToolCallException extends LlmException {

  public InvalidToolCallException(String message) {
    this(message, null);
  }

  public InvalidToolCallException(String message, Throwable cause) {
    super(message, "The model produced arguments that do not match the tool's schema: the error is sent back to the model so it can correct itself.", cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "invalid_tool_call";
  }
}
