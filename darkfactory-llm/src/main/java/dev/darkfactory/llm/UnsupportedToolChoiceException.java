package dev.darkfactory.llm;

/** The provider cannot honour the requested tool choice mode (§5.3). */
public final class UnsupportedToolChoiceException extends LlmException {

  public UnsupportedToolChoiceException(String message) {
    this(message, null);
  }

  public UnsupportedToolChoiceException(String message, Throwable cause) {
    super(message, "This provider does not support that tool choice mode: use auto or required.", cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "unsupported_tool_choice";
  }
}
