package dev.darkfactory.agent.loop;

import dev.darkfactory.agent.AgentEvent;

/**
 * Context window awareness (coding-agent-loop-spec §5.5): about 4 characters per token; a warning
 * when the estimate passes 80% of the profile's window. Informational only, no compaction. To
 * avoid a warning every round, it repeats only when usage has grown by another 5 points.
 */
final class ContextMonitor {
  private static final double THRESHOLD = 0.8;
  private static final int STEP_PERCENT = 5;

  private final SessionCore core;
  private int lastWarnedPercent;

  ContextMonitor(SessionCore core) {
    this.core = core;
  }

  void check(String systemPrompt) {
    long approxTokens = (core.history().characters() + systemPrompt.length()) / 4;
    int window = core.profile().contextWindowSize();
    if (window <= 0 || approxTokens <= window * THRESHOLD) {
      return;
    }
    int percent = (int) Math.round(approxTokens * 100.0 / window);
    if (lastWarnedPercent > 0 && percent < lastWarnedPercent + STEP_PERCENT) {
      return;
    }
    lastWarnedPercent = percent;
    core.emit(new AgentEvent.Warning(core.id(), core.now(), "Context usage at ~" + percent + "% of context window"));
  }
}
