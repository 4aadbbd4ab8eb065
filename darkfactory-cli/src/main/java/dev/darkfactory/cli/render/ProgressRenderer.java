package dev.darkfactory.cli.render;

import dev.darkfactory.pipeline.event.DecisionStep;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.PipelineEvent.CheckpointSaved;
import dev.darkfactory.pipeline.event.PipelineEvent.EdgeSelected;
import dev.darkfactory.pipeline.event.PipelineEvent.GoalGateUnsatisfied;
import dev.darkfactory.pipeline.event.PipelineEvent.InterviewCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.InterviewStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.InterviewTimeout;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelBranchCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelBranchStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineFailed;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineRestarted;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineStopped;
import dev.darkfactory.pipeline.event.PipelineEvent.StageCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageFailed;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStopped;
import dev.darkfactory.pipeline.event.PipelineEvent.StageNote;
import dev.darkfactory.pipeline.event.PipelineEvent.StageRetrying;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageUsage;
import dev.darkfactory.pipeline.event.PipelineListener;
import dev.darkfactory.pipeline.event.RoutingDecision;
import dev.darkfactory.pipeline.state.StageStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The live progress of a run on the terminal: each stage as it starts and ends with its status
 * and duration, retries, the route taken and why, parallel branches, human gates and goal gates.
 * One listener among others; the engine does not know it exists.
 */
public final class ProgressRenderer implements PipelineListener {
  private final PrintWriter out;
  private final Style style;
  private final boolean unicode;
  private final Set<String> rootRuns = new HashSet<>();
  private final java.util.Optional<StageSpend> spend;
  private String lastStart;

  /**
   * @param unicode use symbols and redraw a stage's start line when it ends: for an interactive
   *     terminal; otherwise plain ASCII, one line per fact, for logs and pipes
   */
  public ProgressRenderer(PrintWriter out, Style style, boolean unicode) {
    this(out, style, unicode, java.util.Optional.empty());
  }

  /** With {@code spend}, a stage's end line also shows its tokens and cost and the run's total so far. */
  public ProgressRenderer(PrintWriter out, Style style, boolean unicode, java.util.Optional<StageSpend> spend) {
    this.out = out;
    this.style = style;
    this.unicode = unicode;
    this.spend = spend;
  }

  private String spent(String runId, String nodeId) {
    return spend.flatMap(s -> s.ofStage(runId, nodeId)).map(s -> style.dim("  " + s.brief() + " (run " + spend.get().total().cost() + ")"))
        .orElse("");
  }

  @Override
  public void onEvent(PipelineEvent event) {
    String line = render(event);
    if (line == null) {
      return;
    }
    String key = stageKey(event);
    if (unicode && key != null && key.equals(lastStart) && !(event instanceof StageStarted)) {
      out.print("\u001b[1A\r\u001b[2K"); // replace the stage's "running" line with its result
    }
    lastStart = event instanceof StageStarted ? key : null;
    out.println(line);
    out.flush();
  }

  /** Identifies the stage a start or end line belongs to; null for other events. */
  private static String stageKey(PipelineEvent event) {
    if (event instanceof StageStarted e) {
      return e.runId() + "/" + e.branch() + "/" + e.nodeId();
    }
    if (event instanceof StageCompleted e) {
      return e.runId() + "/" + e.branch() + "/" + e.nodeId();
    }
    if (event instanceof StageFailed e) {
      return e.runId() + "/" + e.branch() + "/" + e.nodeId();
    }
    if (event instanceof StageStopped e) {
      return e.runId() + "/" + e.branch() + "/" + e.nodeId();
    }
    return null;
  }

  private String render(PipelineEvent event) {
    return switch (event) {
      case PipelineStarted e -> started(e);
      case StageStarted e -> indent(e.runId(), e.branch()) + style.dim(mark("▸", ">")) + " " + style.bold(e.nodeId())
          + label(e.nodeId(), e.name()) + style.dim("  " + e.handlerType() + (e.attempt() > 1 ? ", attempt " + e.attempt() : ""));
      case StageCompleted e -> indent(e.runId(), e.branch()) + status(e.status()) + " " + style.bold(e.nodeId()) + label(e.nodeId(), e.name())
          + "  " + word(e.status()) + style.dim("  " + seconds(e.duration())) + spent(e.runId(), e.nodeId())
          + (e.status() == StageStatus.SUCCESS ? "" : style.dim(notes(e.notes())));
      case StageFailed e -> indent(e.runId(), e.branch()) + style.red(mark("✗", "x")) + " " + style.bold(e.nodeId()) + label(e.nodeId(), e.name()) + "  "
          + style.red(e.status().wire()) + ": " + e.error() + spent(e.runId(), e.nodeId()) + (e.willRetry() ? style.dim("  (will retry)") : "");
      case StageStopped e -> indent(e.runId(), e.branch()) + style.yellow(mark("■", "-")) + " " + style.bold(e.nodeId()) + label(e.nodeId(), e.name())
          + "  " + style.yellow("stopped") + ": " + e.reason().message();
      case StageRetrying e -> indent(e.runId(), e.branch()) + "  " + style.yellow(mark("↻", "~")) + " attempt " + e.attempt()
          + " of " + e.nodeId() + " in " + seconds(e.delay());
      case EdgeSelected e -> route(e);
      case ParallelStarted e -> indent(e.runId(), "") + style.cyan(mark("⫘", "||")) + " " + e.nodeId() + ": " + e.branchCount()
          + " branches, " + e.joinPolicy() + ", at most " + e.maxParallel() + " at once";
      case ParallelBranchStarted e -> null;
      case ParallelBranchCompleted e -> indent(e.runId(), "") + "  " + status(e.status()) + " branch " + e.branch() + "  "
          + word(e.status()) + style.dim("  " + seconds(e.duration()));
      case ParallelCompleted e -> indent(e.runId(), "") + style.cyan(mark("⫘", "||")) + " " + e.nodeId() + ": " + e.successCount()
          + " succeeded, " + e.failureCount() + " failed" + style.dim("  " + seconds(e.duration()));
      case InterviewStarted e -> null;
      case InterviewCompleted e -> indent(e.runId(), "") + "  " + style.cyan("?") + " " + e.question().stage() + ": answered " + e.answer().describe();
      case InterviewTimeout e -> indent(e.runId(), "") + "  " + style.yellow("?") + " " + e.stage() + ": no answer within " + seconds(e.duration());
      case CheckpointSaved e -> null;
      // The stage's end line already shows its spend, read from the run's ledger.
      case StageUsage e -> null;
      case GoalGateUnsatisfied e -> indent(e.runId(), "") + style.yellow("!") + " goal gate " + style.bold(e.gateNodeId()) + " is "
          + e.status().wire() + e.retryTarget().map(t -> ": back to " + style.bold(t)).orElse(": no retry target");
      case StageNote e -> indent(e.runId(), e.branch()) + "    " + style.dim(e.message());
      case PipelineRestarted e -> indent(e.runId(), "") + style.cyan(mark("⟲", "<>")) + " loop_restart: continuing as run " + e.nextRunId()
          + " at " + e.startAt() + style.dim("  (" + e.logsRoot() + ")");
      case PipelineCompleted e -> !child(e.runId()) ? null : e.failedStages().isEmpty()
          ? indent(e.runId(), "") + style.green("child run " + e.runId() + " succeeded")
          : indent(e.runId(), "") + style.yellow("child run " + e.runId() + " succeeded with failures: passed over " + String.join(", ", e.failedStages()));
      case PipelineFailed e -> child(e.runId()) ? indent(e.runId(), "") + style.red("child run " + e.runId() + " failed: " + e.error()) : null;
      case PipelineStopped e -> child(e.runId()) ? indent(e.runId(), "") + style.yellow("child run " + e.runId() + " stopped: " + e.reason().message()) : null;
    };
  }

  private String started(PipelineStarted e) {
    if (e.parentRunId().isEmpty()) {
      rootRuns.add(e.runId());
      return style.bold((e.resumed() ? "Resuming " : "Running ") + e.name()) + style.dim("  run " + e.runId() + ", logs " + e.logsRoot())
          + (e.goal().isEmpty() ? "" : "\n" + style.dim("goal: " + e.goal()));
    }
    return indent(e.runId(), "") + style.dim("child pipeline " + e.name() + " (run " + e.runId() + ", logs " + e.logsRoot() + ")");
  }

  private String route(EdgeSelected e) {
    RoutingDecision d = e.decision();
    String prefix = indent(e.runId(), e.branch()) + "    ";
    if (d.target().isEmpty()) {
      return d.outcome() == StageStatus.FAIL ? prefix + style.red(mark("■", "#") + " " + d.detail()) : null;
    }
    boolean trivial = d.step() == DecisionStep.WEIGHT && d.candidates().size() == 1;
    String why = trivial ? "" : style.dim("  " + d.step().wire() + ": " + d.detail());
    return prefix + style.dim(mark("→", "->")) + " " + d.target().get() + why;
  }

  private boolean child(String runId) {
    return !rootRuns.isEmpty() && !rootRuns.contains(runId);
  }

  private String indent(String runId, String branch) {
    int depth = (child(runId) ? 1 : 0) + (branch.isEmpty() ? 0 : (int) branch.chars().filter(c -> c == '/').count());
    return "  " + "    ".repeat(depth);
  }

  private String status(StageStatus status) {
    return switch (status) {
      case SUCCESS -> style.green(mark("✓", "+"));
      case PARTIAL_SUCCESS -> style.yellow(mark("◐", "~"));
      case SKIPPED -> style.dim(mark("○", "-"));
      case RETRY -> style.yellow(mark("↻", "~"));
      case FAIL -> style.red(mark("✗", "x"));
    };
  }

  private String word(StageStatus status) {
    return switch (status) {
      case SUCCESS -> style.green(status.wire());
      case PARTIAL_SUCCESS, RETRY -> style.yellow(status.wire());
      case SKIPPED -> style.dim(status.wire());
      case FAIL -> style.red(status.wire());
    };
  }

  private String label(String id, String name) {
    return name.equalsIgnoreCase(id) ? "" : style.dim(" " + name);
  }

  private static String notes(String notes) {
    if (notes.isEmpty()) {
      return "";
    }
    String first = notes.lines().findFirst().orElse("");
    return "  " + (first.length() > 80 ? first.substring(0, 77) + "..." : first);
  }

  private String mark(String fancy, String plain) {
    return unicode ? fancy : plain;
  }

  /** {@code 0.4s}, {@code 12s}, {@code 3m 5s}. */
  public static String seconds(Duration d) {
    long millis = d.toMillis();
    if (millis < 10_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    long s = d.toSeconds();
    return s < 60 ? s + "s" : s / 60 + "m " + s % 60 + "s";
  }
}
