package dev.darkfactory.llm;

import java.util.Objects;
import java.util.Optional;

/** A non-fatal issue attached to a response (unified-llm-spec §3.11). */
public record Warning(String message, Optional<String> code) {
  public Warning {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(code, "code");
  }

  public static Warning of(String code, String message) {
    return new Warning(message, Optional.of(code));
  }
}
