package dev.darkfactory.agent.tool;

import java.util.Objects;

/** A {@link ToolHook}'s verdict on a call about to run. */
public sealed interface HookDecision {

  /** Run the tool. */
  record Proceed() implements HookDecision {}

  /** Do not run it; the model gets {@code reason} as an error result. */
  record Skip(String reason) implements HookDecision {
    public Skip {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static HookDecision proceed() {
    return new Proceed();
  }

  static HookDecision skip(String reason) {
    return new Skip(reason);
  }
}
