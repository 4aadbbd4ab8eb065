package dev.darkfactory.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * Why generation stopped, portable and raw (unified-llm-spec §3.8). {@link Reason#LENGTH} means the output was cut
 * by {@code max_tokens}: callers must not treat it as a clean finish.
 */
public record FinishReason(Reason reason, Optional<String> raw) {

  public enum Reason {
    STOP("stop"),
    LENGTH("length"),
    TOOL_CALLS("tool_calls"),
    CONTENT_FILTER("content_filter"),
    ERROR("error"),
    OTHER("other");

    private final String wireName;

    Reason(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Reason parse(String name) {
      for (Reason reason : values()) {
        if (reason.wireName.equalsIgnoreCase(name)) {
          return reason;
        }
      }
      return OTHER;
    }
  }

  public FinishReason {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(raw, "raw");
  }

  public static FinishReason of(Reason reason, String raw) {
    return new FinishReason(reason, Optional.ofNullable(raw));
  }

  public static FinishReason stop() {
    return new FinishReason(Reason.STOP, Optional.empty());
  }

  /** Whether the model stopped on its own (stop or tool calls), as opposed to truncation, filtering or error. */
  public boolean isClean() {
    return reason == Reason.STOP || reason == Reason.TOOL_CALLS;
  }
}
