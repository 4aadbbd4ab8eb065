package dev.darkfactory.agent.subagent;

import java.util.Locale;

/** A subagent's status (coding-agent-loop-spec §7.3). */
public enum SubagentStatus {
  RUNNING,
  COMPLETED,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
