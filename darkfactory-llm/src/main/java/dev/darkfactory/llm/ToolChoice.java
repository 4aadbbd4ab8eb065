package dev.darkfactory.llm;

import java.util.Objects;
import java.util.Optional;

/** Whether and how the model uses tools (unified-llm-spec §5.3). */
public record ToolChoice(Mode mode, Optional<String> toolName) {

  public enum Mode {
    AUTO("auto"),
    NONE("none"),
    REQUIRED("required"),
    NAMED("named");

    private final String wireName;

    Mode(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public ToolChoice {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(toolName, "toolName");
    if (mode == Mode.NAMED && toolName.isEmpty()) {
      throw new ConfigurationException("Tool choice 'named' without a tool name", "Use ToolChoice.named(\"tool\").");
    }
  }

  public static ToolChoice auto() {
    return new ToolChoice(Mode.AUTO, Optional.empty());
  }

  public static ToolChoice none() {
    return new ToolChoice(Mode.NONE, Optional.empty());
  }

  public static ToolChoice required() {
    return new ToolChoice(Mode.REQUIRED, Optional.empty());
  }

  public static ToolChoice named(String toolName) {
    return new ToolChoice(Mode.NAMED, Optional.of(toolName));
  }
}
