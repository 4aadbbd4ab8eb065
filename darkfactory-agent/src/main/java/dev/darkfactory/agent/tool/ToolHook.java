package dev.darkfactory.agent.tool;

import dev.darkfactory.llm.ToolCall;

/**
 * Code run around every tool call, between validation and execution and after it (the insertion
 * point of coding-agent-loop-spec §8 "Approval / Permission System"; the pipeline's {@code
 * tool_hooks.pre/post}, attractor-spec §9.7). A hook that throws is treated like a veto.
 */
public interface ToolHook {

  /** Decides whether the call proceeds. Proceeds by default. */
  default HookDecision beforeToolCall(ToolCall call, ToolContext context) {
    return HookDecision.proceed();
  }

  /** Sees the finished call and may replace its execution record (for example, redact output). */
  default ToolExecution afterToolCall(ToolCall call, ToolExecution execution) {
    return execution;
  }
}
