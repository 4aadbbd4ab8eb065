package dev.darkfactory.llm.internal.sse;

import java.io.IOException;

/** The byte stream ended in the middle of a line or event: the connection was cut, not closed cleanly. */
public final class SseStreamCutException extends IOException {
  public SseStreamCutException(String message) {
    super(message);
  }
}
