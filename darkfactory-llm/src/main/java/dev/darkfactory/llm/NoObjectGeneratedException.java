package dev.darkfactory.llm;

import java.util.Optional;

/** Structured output could not be parsed or did not validate against the schema (§4.5). */
public final class NoObjectGeneratedException extends LlmException {

  private final String text;

  public NoObjectGeneratedException(String message, String text) {
    this(message, text, null);
  }

  public NoObjectGeneratedException(String message, String text, Throwable cause) {
    super(message, "The model's answer did not match the schema: simplify the schema, use a stronger model, or add an example to the prompt.", cause);
    this.text = text;
  }

  /** The model's raw text, for diagnosis. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  @Override
  public boolean retryable() {
    return false;
  }

  @Override
  public String kind() {
    return "no_object_generated";
  }
}
