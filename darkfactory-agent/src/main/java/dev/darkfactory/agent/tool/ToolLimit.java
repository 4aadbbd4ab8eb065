package dev.darkfactory.agent.tool;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How much of one tool's output the model sees (coding-agent-loop-spec §5.2-5.3).
 *
 * @param maxChars the character limit, applied first
 * @param mode which part survives character truncation
 * @param maxLines the line limit applied afterwards, if any
 */
public record ToolLimit(int maxChars, TruncationMode mode, OptionalInt maxLines) {
  public ToolLimit {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    }
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(maxLines, "maxLines");
    if (maxLines.isPresent() && maxLines.getAsInt() < 1) {
      throw new IllegalArgumentException("maxLines must be positive: " + maxLines);
    }
  }

  public static ToolLimit of(int maxChars, TruncationMode mode) {
    return new ToolLimit(maxChars, mode, OptionalInt.empty());
  }

  public static ToolLimit of(int maxChars, TruncationMode mode, int maxLines) {
    return new ToolLimit(maxChars, mode, OptionalInt.of(maxLines));
  }

  public ToolLimit withMaxChars(int value) {
    return new ToolLimit(value, mode, maxLines);
  }

  public ToolLimit withMaxLines(int value) {
    return new ToolLimit(maxChars, mode, OptionalInt.of(value));
  }
}
