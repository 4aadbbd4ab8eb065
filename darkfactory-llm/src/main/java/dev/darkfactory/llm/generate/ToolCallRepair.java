package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.ToolCall;
import java.util.Optional;

/**
 * Tries to fix a tool call whose arguments failed to parse or validate (unified-llm-spec §5.8), e.g. by asking a
 * model to correct them. Empty means "cannot repair": the validation error goes back to the model instead.
 */
@FunctionalInterface
public interface ToolCallRepair {
    Optional<ToolCall> repair(ToolCall call, Tool tool, String error);
}
