package dev.darkfactory.agent.tool;

import dev.darkfactory.llm.ToolCall;

/** Told about each tool call as it runs; the session turns these into {@code TOOL_CALL_*} events (§2.9). */
public interface ToolCallObserver {

  ToolCallObserver NONE = new ToolCallObserver() {};

  default void started(ToolCall call) {}

  default void outputDelta(ToolCall call, String delta) {}

  default void finished(ToolExecution execution) {}
}
