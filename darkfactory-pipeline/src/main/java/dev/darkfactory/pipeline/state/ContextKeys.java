package dev.darkfactory.pipeline.state;

/**
 * Context keys the engine and the built-in handlers read or write (attractor-spec.md 5.1 and
 * section 4). One place, so code, docs and conditions ({@code context.tool.exit_code=0}) agree.
 */
public final class ContextKeys {
  /** The last handler's outcome status, as its wire string (5.1, set by the engine). */
  public static final String OUTCOME = "outcome";
  /** The last handler's preferred edge label (5.1, set by the engine when non-empty). */
  public static final String PREFERRED_LABEL = "preferred_label";
  /** The graph's {@code goal} (2.5); every graph attribute is mirrored as {@code graph.<key>}. */
  public static final String GRAPH_GOAL = "graph.goal";
  /** Prefix of the mirrored graph attributes (3.1 step 4). */
  public static final String GRAPH_PREFIX = "graph.";
  /** The node being executed (5.1, set by the engine). */
  public static final String CURRENT_NODE = "current_node";
  /** The last completed LLM stage (5.1, set by the codergen handler). */
  public static final String LAST_STAGE = "last_stage";
  /** The last LLM response, truncated (5.1, set by the codergen handler): see {@link #lastResponse(String)}. */
  public static final String LAST_RESPONSE = "last_response";
  /** How much of the response goes into {@code last_response} (4.5 {@code truncate(response_text, 200)}). */
  public static final int LAST_RESPONSE_CHARS = 200;
  /** Prefix of the per-node retry counters: {@code internal.retry_count.<node_id>} (5.1). */
  public static final String RETRY_COUNT_PREFIX = "internal.retry_count.";
  /** Prefix of engine bookkeeping, never copied out of parallel branches. */
  public static final String INTERNAL_PREFIX = "internal.";

  /** The tool node's standard output, truncated (4.10). */
  public static final String TOOL_OUTPUT = "tool.output";
  /** The tool node's standard error, truncated (extension). */
  public static final String TOOL_STDERR = "tool.stderr";
  /** The tool node's exit code (extension). */
  public static final String TOOL_EXIT_CODE = "tool.exit_code";

  /** The serialised branch results of the last parallel node (4.8). */
  public static final String PARALLEL_RESULTS = "parallel.results";
  public static final String PARALLEL_SUCCESS_COUNT = "parallel.success_count";
  public static final String PARALLEL_FAILURE_COUNT = "parallel.failure_count";
  /** Prefix of the namespaced branch context updates: {@code parallel.branch.<branch>.<key>}. */
  public static final String PARALLEL_BRANCH_PREFIX = "parallel.branch.";
  /** The fan-in's chosen branch (4.9). */
  public static final String FAN_IN_BEST_ID = "parallel.fan_in.best_id";
  public static final String FAN_IN_BEST_OUTCOME = "parallel.fan_in.best_outcome";

  /** The human gate's selected accelerator key and label (4.6). */
  public static final String HUMAN_GATE_SELECTED = "human.gate.selected";
  public static final String HUMAN_GATE_LABEL = "human.gate.label";
  /** Free text typed at a human gate (extension). */
  public static final String HUMAN_GATE_TEXT = "human.gate.text";

  /** Child pipeline telemetry written by the manager loop (4.11). */
  public static final String CHILD_STATUS = "stack.child.status";
  public static final String CHILD_OUTCOME = "stack.child.outcome";
  public static final String CHILD_CURRENT_NODE = "stack.child.current_node";
  public static final String CHILD_COMPLETED_COUNT = "stack.child.completed_count";
  public static final String CHILD_RUN_ID = "stack.child.run_id";
  public static final String MANAGER_CYCLE = "stack.manager.cycle";

  private ContextKeys() {}

  public static String retryCount(String nodeId) {
    return RETRY_COUNT_PREFIX + nodeId;
  }

  /** Keys that describe the engine's routing position rather than work a stage did. */
  public static boolean isRoutingState(String key) {
    return key.startsWith(INTERNAL_PREFIX) || key.equals(OUTCOME) || key.equals(PREFERRED_LABEL) || key.equals(CURRENT_NODE);
  }

  /**
   * The value of {@code last_response} for a response: its first {@value #LAST_RESPONSE_CHARS}
   * characters, one fewer rather than half of a surrogate pair.
   */
  public static String lastResponse(String text) {
    if (text.length() <= LAST_RESPONSE_CHARS) {
      return text;
    }
    int end = LAST_RESPONSE_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
