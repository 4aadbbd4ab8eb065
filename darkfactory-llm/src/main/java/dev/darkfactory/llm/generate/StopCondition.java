package dev.darkfactory.llm.generate;

import java.util.List;

/** Ends the tool loop early when it returns true after a step (unified-llm-spec §5.6 {@code stop_when}). */
@FunctionalInterface
public interface StopCondition {
    boolean shouldStop(List<StepResult> steps);
}
