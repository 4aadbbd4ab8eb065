package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.cli.render.Json;
import dev.darkfactory.cli.render.ProgressRenderer;
import dev.darkfactory.cli.render.Style;
import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.report.RunProjection;
import dev.darkfactory.pipeline.report.StageProgress;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.CheckpointStore;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.Manifest;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code factory status LOGS_ROOT}: what a run did, read from its directory alone (checkpoint,
 * manifest, events), so an unattended run can be understood after the fact: where it ended, each
 * stage's latest status, how often it ran and for how long, why it failed or stopped, and how to resume it. Restarts
 * ({@code loop_restart}) are followed to the latest run.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show a run from its logs root: its status, each stage (latest status, times run, duration, error), why it failed or stopped,",
      "and how to resume it. Reads only the run directory; works for finished, stopped and crashed runs.",
      "Exit status: 0 the run was shown, 2 there is no run there or its files are damaged."
    })
public final class StatusCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "LOGS_ROOT", description = "The run directory (it holds checkpoint.json and manifest.json).")
  Path logsRoot;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  public StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RunDirectory root = RunDirectory.at(logsRoot);
    Manifest manifest = readable(root::readManifest).orElseThrow(() -> new UserException(
        "there is no run in " + logsRoot + " (no manifest.json): pass the --logs-root of a run"));
    RunDirectory dir = root;
    Optional<Checkpoint> checkpoint = readable(() -> CheckpointStore.in(logsRoot).load());
    int restarts = 0;
    while (checkpoint.isPresent() && checkpoint.get().status() == RunStatus.RESTARTED && checkpoint.get().restartedInto().isPresent()) {
      dir = RunDirectory.at(root.root().resolve(checkpoint.get().restartedInto().get()));
      RunDirectory current = dir;
      checkpoint = readable(() -> current.checkpoints().load());
      restarts++;
    }
    RunProjection projection = replay(dir.eventsFile());
    View view = new View(manifest, checkpoint, projection, restarts, root.root(), dir.root());
    if (json) {
      context.out().println(Json.pretty(view.json()));
    } else {
      view.print(context.out(), new Style(context.terminal().colour()), context.terminal().interactive());
    }
    return ExitCode.OK;
  }

  /** Reading a damaged run directory is the caller's problem to fix, said as such (exit 2), not a failure of this command. */
  private static <T> Optional<T> readable(java.util.function.Supplier<Optional<T>> read) {
    try {
      return read.get();
    } catch (RunStorageException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** The run's events folded as the web UI folds them. */
  private static RunProjection replay(Path events) {
    try {
      return RunProjection.replay(events);
    } catch (RunStorageException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** What is shown: the manifest says what ran, the checkpoint how it stands, the events how each stage went. */
  private record View(Manifest manifest, Optional<Checkpoint> checkpoint, RunProjection projection, int restarts, Path root, Path dir) {
    RunStatus status() {
      return checkpoint.map(Checkpoint::status).orElse(RunStatus.RUNNING);
    }

    Optional<String> failure() {
      return checkpoint.flatMap(Checkpoint::finalOutcome).map(outcome -> outcome.failureReason()).filter(reason -> !reason.isEmpty())
          .or(projection::error);
    }

    Optional<String> resumeCommand() {
      return status() == RunStatus.STOPPED || status() == RunStatus.RUNNING
          ? Optional.of("factory resume " + root)
          : Optional.empty();
    }

    ObjectNode json() {
      ObjectNode json = JsonValues.object();
      json.put("run_id", checkpoint.map(Checkpoint::runId).orElse(manifest.runId()));
      json.put("pipeline", manifest.pipelineName());
      json.put("goal", manifest.goal());
      json.put("status", status().wire());
      json.put("started_at", manifest.startedAt().toString());
      manifest.finishedAt().ifPresent(at -> json.put("finished_at", at.toString()));
      checkpoint.ifPresent(c -> json.put("current_node", c.currentNode()));
      failure().filter(f -> status() != RunStatus.SUCCESS).ifPresent(f -> json.put("failure_reason", f));
      checkpoint.flatMap(Checkpoint::stopReason).filter(r -> status() == RunStatus.STOPPED).ifPresent(reason -> {
        ObjectNode stop = json.putObject("stop_reason");
        stop.put("code", reason.code());
        stop.put("message", reason.message());
        stop.put("resumable", reason.resumable());
      });
      json.put("restarts", restarts);
      ArrayNode stages = json.putArray("stages");
      for (StageProgress stage : projection.stages()) {
        ObjectNode row = stages.addObject();
        row.put("node_id", stage.nodeId());
        row.put("status", stage.status());
        row.put("executions", stage.attempts()); // visits and retries alike; the status is the latest
        stage.durationMs().ifPresent(ms -> row.put("duration_ms", ms));
        stage.error().ifPresent(error -> row.put("error", error));
        stage.usage().ifPresent(usage -> {
          row.put("total_tokens", usage.totalTokens());
          usage.costUsd().ifPresent(cost -> row.put("cost_usd", cost));
        });
      }
      resumeCommand().ifPresent(command -> json.put("resume_command", command));
      json.put("logs_root", dir.toString());
      return json;
    }

    void print(PrintWriter out, Style style, boolean unicode) {
      out.println(style.bold("run " + checkpoint.map(Checkpoint::runId).orElse(manifest.runId())) + " of " + manifest.pipelineName()
          + (manifest.goal().isEmpty() ? "" : style.dim("  goal: " + manifest.goal())));
      String took = manifest.finishedAt().map(end -> ", took " + ProgressRenderer.seconds(Duration.between(manifest.startedAt(), end))).orElse("");
      out.println(style.dim("started " + manifest.startedAt() + took + (restarts > 0 ? ", restarted " + restarts + " times" : "")));
      int width = projection.stages().stream().mapToInt(stage -> stage.nodeId().length()).max().orElse(0);
      for (StageProgress stage : projection.stages()) {
        String mark = switch (stage.status()) {
          case "success", "partial_success" -> style.green(unicode ? "✔" : "+");
          case "fail" -> style.red(unicode ? "✘" : "x");
          case "skipped" -> style.dim("-");
          default -> style.yellow(unicode ? "…" : ">");
        };
        String time = stage.durationMs().map(ms -> ProgressRenderer.seconds(Duration.ofMillis(ms))).orElse("");
        out.println("  " + mark + " " + String.format("%-" + width + "s", stage.nodeId()) + "  " + stage.status() + (stage.attempts() > 1 ? " (ran " + stage.attempts() + " times)" : "")
            + style.dim("  " + time) + stage.error().map(error -> "  " + style.red(error)).orElse(""));
      }
      switch (status()) {
        case SUCCESS -> out.println(style.green("success"));
        case FAIL -> out.println(style.red("fail: " + failure().orElse("")));
        case STOPPED -> out.println(style.yellow("stopped at node '" + checkpoint.map(c -> c.next().map(n -> n.nodeId()).orElse(c.currentNode())).orElse("")
            + "': " + checkpoint.flatMap(Checkpoint::stopReason).map(r -> r.message()).orElse("")));
        case RUNNING -> out.println(style.yellow("running, or the process running it ended without a checkpoint of its end"
            + checkpoint.map(c -> " (last completed node: " + c.currentNode() + ")").orElse("")));
        case RESTARTED -> out.println("restarted");
      }
      resumeCommand().ifPresent(command -> out.println((status() == RunStatus.RUNNING ? "if no process is running it, resume with: " : "resume with: ")
          + style.bold(command)));
      out.println(style.dim("logs " + dir));
      out.flush();
    }
  }
}
