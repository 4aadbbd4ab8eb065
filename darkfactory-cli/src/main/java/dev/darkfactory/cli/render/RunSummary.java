package dev.darkfactory.cli.render;

import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.RunStatus;
import java.io.PrintWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How a finished run is reported: one JSON object ({@code --json}) or a few lines of text. */
public final class RunSummary {
  private RunSummary() {}

  /**
   * {@code {"status", "run_id", "completed_nodes", "node_outcomes", "failed_stages", "final_node",
   * "failure_reason"?, "stop_reason"?, "context", "logs_root"}}; status is {@code success}, {@code
   * success_with_failures}, {@code fail} or {@code stopped}.
   */
  /** {@link #json(RunResult)} with {@code "usage"}: the ledger's total and per-node tokens and cost (agent runs). */
  public static ObjectNode json(RunResult result, java.util.Optional<SpendLedger> ledger) {
    ObjectNode json = json(result);
    ledger.ifPresent(l -> json.set("usage", l.toJson()));
    return json;
  }

  public static ObjectNode json(RunResult result) {
    ObjectNode json = JsonValues.object();
    json.put("status", result.status().wire());
    json.put("run_id", result.runId());
    ArrayNode completed = json.putArray("completed_nodes");
    result.completedNodes().forEach(completed::add);
    ObjectNode outcomes = json.putObject("node_outcomes");
    result.nodeOutcomes().forEach((id, status) -> outcomes.put(id, status.wire()));
    ArrayNode failed = json.putArray("failed_stages");
    result.failedStages().forEach(failed::add);
    json.put("final_node", result.finalNode());
    result.failureReason().ifPresent(reason -> json.put("failure_reason", reason));
    result.stopReason().filter(r -> result.status() == RunStatus.STOPPED).ifPresent(reason -> {
      ObjectNode stop = json.putObject("stop_reason");
      stop.put("code", reason.code());
      stop.put("message", reason.message());
    });
    json.set("context", JsonValues.toObject(result.context()));
    json.put("logs_root", result.logsRoot().toString());
    return json;
  }

  /** The closing lines of a run on the terminal, with the resume command when it can be resumed. */
  /** {@link #print} with a line of the run's tokens and cost when there is a ledger. */
  public static void print(RunResult result, java.util.Optional<SpendLedger> ledger, PrintWriter out, Style style, boolean unicode, String resumeHint) {
    print(result, out, style, unicode, resumeHint);
    ledger.filter(l -> l.total().llmCalls() > 0).ifPresent(l -> {
      out.println(style.dim("spent " + l.total().describe() + " over " + l.total().llmCalls() + " LLM calls"
          + (l.total().unpricedCalls() > 0 ? " (" + l.total().unpricedCalls() + " calls of models without a known price)" : "")));
      out.flush();
    });
  }

  public static void print(RunResult result, PrintWriter out, Style style, boolean unicode, String resumeHint) {
    String took = ProgressRenderer.seconds(result.duration());
    int stages = result.completedNodes().size();
    switch (result.status()) {
      case SUCCESS -> out.println(style.green((unicode ? "✔ " : "") + "success") + style.dim("  " + stages + " stages, " + took));
      case SUCCESS_WITH_FAILURES -> {
        out.println(style.yellow((unicode ? "▲ " : "") + "success with failures") + style.dim("  " + stages + " stages, " + took));
        out.println(style.yellow("passed over " + failedStages(result) + ": the run reached its exit although "
            + (result.failedStages().size() == 1 ? "that stage" : "those stages") + " failed (see above)"));
      }
      case FAIL -> out.println(style.red((unicode ? "✘ " : "") + "fail: " + result.failureReason().orElse("")) + style.dim("  after " + took));
      case STOPPED -> out.println(style.yellow((unicode ? "■ " : "") + "stopped: " + result.stopReason().map(r -> r.message()).orElse("")));
      case RUNNING, RESTARTED -> out.println(result.status().wire());
    }
    out.println(style.dim("run " + result.runId() + ", logs " + result.logsRoot()));
    if (result.status() == RunStatus.STOPPED) {
      out.println("resume with: " + style.bold(resumeHint));
    }
    out.flush();
  }

  /** "1 failed stage (publish)", "2 failed stages (a, b)". */
  static String failedStages(RunResult result) {
    int count = result.failedStages().size();
    return count + " failed stage" + (count == 1 ? "" : "s") + " (" + String.join(", ", result.failedStages()) + ")";
  }
}
