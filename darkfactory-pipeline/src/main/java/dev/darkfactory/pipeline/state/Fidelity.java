package dev.darkfactory.pipeline.state;

import java.util.Objects;
import java.util.Optional;

/**
 * The resolved context fidelity of one stage (attractor-spec.md 5.4): the mode, and under {@code
 * full} the thread key whose LLM session the stage continues.
 *
 * @param degraded true when {@code full} was lowered to {@code summary:high} because the run was
 *     resumed and in-memory sessions are gone (5.3 resume step 6)
 */
public record Fidelity(FidelityMode mode, Optional<String> threadKey, boolean degraded) {
  public Fidelity {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(threadKey, "threadKey");
  }

  public static Fidelity of(FidelityMode mode) {
    return new Fidelity(mode, Optional.empty(), false);
  }

  public static Fidelity full(String threadKey) {
    return new Fidelity(FidelityMode.FULL, Optional.of(threadKey), false);
  }
}
