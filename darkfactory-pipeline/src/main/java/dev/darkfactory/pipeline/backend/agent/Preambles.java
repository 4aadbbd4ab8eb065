package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.pipeline.backend.agent.RunHistory.StageRecord;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.FidelityMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fresh session is told about the run so far, by fidelity mode (attractor-spec.md 5.4),
 * sized to the mode's approximate token budget (about four characters a token):
 *
 * <table>
 *   <caption>Preambles</caption>
 *   <tr><th>Mode</th><th>Carries</th><th>Budget</th></tr>
 *   <tr><td>{@code truncate}</td><td>the goal and the run ID</td><td>minimal</td></tr>
 *   <tr><td>{@code compact}</td><td>every completed stage with its outcome, the key context values</td><td>~1000 tokens</td></tr>
 *   <tr><td>{@code summary:low}</td><td>a few sentences: counts, the last stage and its outcome</td><td>~600 tokens</td></tr>
 *   <tr><td>{@code summary:medium}</td><td>recent stages with notes and failures, active context values, notable events</td><td>~1500 tokens</td></tr>
 *   <tr><td>{@code summary:high}</td><td>many recent stages with the tools they used and their last words, all context values, notable events</td><td>~3000 tokens</td></tr>
 * </table>
 *
 * {@code full} reuses the thread's session and needs no preamble; the first stage of a thread gets
 * the {@code compact} one. A preamble that would exceed its budget keeps its head and says where it
 * was cut. Text is deterministic for the same run directory and context.
 */
public final class Preambles {
  private static final int CHARS_PER_TOKEN = 4;
  private static final int VALUE_CHARS = 200;

  private Preambles() {}

  /** The approximate token budget of a mode's preamble. */
  public static int tokenBudget(FidelityMode mode) {
    return switch (mode) {
      case TRUNCATE -> 100;
      case COMPACT, FULL -> 1000;
      case SUMMARY_LOW -> 600;
      case SUMMARY_MEDIUM -> 1500;
      case SUMMARY_HIGH -> 3000;
    };
  }

  static String build(FidelityMode mode, RunHistory history, Map<String, Object> context, String goal) {
    StringBuilder text = new StringBuilder("# The pipeline run so far (fidelity ").append(mode.wire()).append(")\n\n");
    text.append("Goal: ").append(goal.isBlank() ? "(none given)" : goal).append('\n');
    text.append("Run: ").append(history.runId()).append('\n');
    switch (mode) {
      case TRUNCATE -> { }
      case COMPACT, FULL -> compact(text, history, context);
      case SUMMARY_LOW -> low(text, history);
      case SUMMARY_MEDIUM -> medium(text, history, context);
      case SUMMARY_HIGH -> high(text, history, context);
    }
    return fit(text.toString(), tokenBudget(mode) * CHARS_PER_TOKEN);
  }

  private static void compact(StringBuilder text, RunHistory history, Map<String, Object> context) {
    text.append("\n## Completed stages\n");
    List<StageRecord> recent = last(history.stages(), 25);
    if (recent.isEmpty()) {
      text.append("- none yet: this is the first stage\n");
    }
    if (history.stages().size() > recent.size()) {
      text.append("- (").append(history.stages().size() - recent.size()).append(" earlier stages)\n");
    }
    for (StageRecord stage : recent) {
      text.append("- ").append(stage.nodeId()).append(": ").append(stage.status()).append(detail(stage, 120)).append('\n');
    }
    contextValues(text, context, false);
  }

  private static void low(StringBuilder text, RunHistory history) {
    List<StageRecord> stages = history.stages();
    text.append('\n');
    if (stages.isEmpty()) {
      text.append("No stage has completed yet.\n");
      return;
    }
    long succeeded = stages.stream().filter(s -> s.status().equals("success") || s.status().equals("partial_success")).count();
    long failed = stages.stream().filter(s -> s.status().equals("fail")).count();
    StageRecord last = stages.getLast();
    text.append(String.format(Locale.ROOT, "%d stage%s completed so far (%d succeeded, %d failed). The last was %s, which ended %s%s.",
        stages.size(), stages.size() == 1 ? " has" : "s have", succeeded, failed, last.nodeId(), last.status(), detail(last, 200)));
    if (!history.notableEvents().isEmpty()) {
      int n = history.notableEvents().size();
      text.append(n == 1 ? " There was 1 notable event" : " There were " + n + " notable events").append(" (failures, retries, goal-gate loops).");
    }
    text.append('\n');
  }

  private static void medium(StringBuilder text, RunHistory history, Map<String, Object> context) {
    text.append("\n## Recent stages\n");
    List<StageRecord> recent = last(history.stages(), 8);
    if (recent.isEmpty()) {
      text.append("- none yet: this is the first stage\n");
    }
    if (history.stages().size() > recent.size()) {
      text.append("- (").append(history.stages().size() - recent.size()).append(" earlier stages)\n");
    }
    for (StageRecord stage : recent) {
      text.append("- ").append(stage.nodeId()).append(": ").append(stage.status()).append(detail(stage, 300)).append('\n');
    }
    contextValues(text, context, false);
    events(text, last(history.notableEvents(), 10));
  }

  private static void high(StringBuilder text, RunHistory history, Map<String, Object> context) {
    text.append("\n## Stages\n");
    List<StageRecord> recent = last(history.stages(), 30);
    if (recent.isEmpty()) {
      text.append("- none yet: this is the first stage\n");
    }
    if (history.stages().size() > recent.size()) {
      text.append("- (").append(history.stages().size() - recent.size()).append(" earlier stages)\n");
    }
    for (StageRecord stage : recent) {
      text.append("### ").append(stage.nodeId()).append(": ").append(stage.status()).append('\n');
      if (!stage.notes().isBlank()) {
        text.append("Notes: ").append(clip(stage.notes(), 400)).append('\n');
      }
      if (!stage.failureReason().isBlank()) {
        text.append("Failure: ").append(clip(stage.failureReason(), 400)).append('\n');
      }
      if (!stage.preferredLabel().isBlank()) {
        text.append("Chose: ").append(stage.preferredLabel()).append('\n');
      }
      if (!stage.toolCalls().isEmpty()) {
        text.append("Tools (").append(stage.toolCalls().size()).append(" calls): ")
            .append(String.join("; ", last(stage.toolCalls(), 10))).append('\n');
      }
      if (!stage.finalText().isBlank()) {
        text.append("Said: ").append(clip(stage.finalText(), 300)).append('\n');
      }
    }
    contextValues(text, context, true);
    events(text, last(history.notableEvents(), 30));
  }

  private static void contextValues(StringBuilder text, Map<String, Object> context, boolean everything) {
    Map<String, Object> shown = new TreeMap<>();
    context.forEach((key, value) -> {
      if (shows(key, everything)) {
        shown.put(key, value);
      }
    });
    if (shown.isEmpty()) {
      return;
    }
    text.append("\n## Context\n");
    shown.forEach((key, value) -> text.append("- ").append(key).append(" = ").append(clip(String.valueOf(value), VALUE_CHARS)).append('\n'));
  }

  /** Engine bookkeeping, the raw parallel results and graph attributes other than the goal say nothing to the agent. */
  private static boolean shows(String key, boolean everything) {
    if (ContextKeys.isRoutingState(key) || key.equals(ContextKeys.PARALLEL_RESULTS) || key.equals(ContextKeys.GRAPH_GOAL)) {
      return false;
    }
    return everything || !key.startsWith(ContextKeys.GRAPH_PREFIX);
  }

  private static void events(StringBuilder text, List<String> events) {
    if (events.isEmpty()) {
      return;
    }
    text.append("\n## Notable events\n");
    events.forEach(event -> text.append("- ").append(clip(event, 300)).append('\n'));
  }

  private static String detail(StageRecord stage, int max) {
    String what = !stage.failureReason().isBlank() ? stage.failureReason() : stage.notes();
    return what.isBlank() ? "" : " (" + clip(what, max) + ")";
  }

  private static <T> List<T> last(List<T> items, int n) {
    return items.size() <= n ? items : items.subList(items.size() - n, items.size());
  }

  private static String clip(String text, int max) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
  }

  private static String fit(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    String marker = "\n[preamble cut at its budget of about " + maxChars / CHARS_PER_TOKEN + " tokens]\n";
    return text.substring(0, Math.max(0, maxChars - marker.length())) + marker;
  }
}
