package dev.darkfactory.agent.tool;

/** Which part of an over-long output survives (coding-agent-loop-spec §5.1). */
public enum TruncationMode {
  /** The first and last halves, with a marker in the middle. */
  HEAD_TAIL,
  /** The end only, with a marker in front. */
  TAIL
}
