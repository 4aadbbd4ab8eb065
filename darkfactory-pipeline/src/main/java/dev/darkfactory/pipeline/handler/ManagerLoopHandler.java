package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.condition.Condition;
import dev.darkfactory.pipeline.condition.ConditionEvaluator;
import dev.darkfactory.pipeline.condition.ConditionInputs;
import dev.darkfactory.pipeline.condition.ConditionParser;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.CheckpointStore;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.ContextValues;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supervises a child pipeline (attractor-spec.md 4.11): starts it in-process ({@code
 * stack.child_dotfile}, found next to the parent pipeline file, else in the working directory) unless {@code
 * stack.child_autostart=false}, then cycles up to {@code manager.max_cycles} times through the
 * {@code manager.actions}:
 *
 * <ul>
 *   <li>{@code observe}: reads the child's checkpoint into {@code stack.child.status} ({@code
 *       running}, {@code completed}, {@code failed}, {@code stopped}), {@code stack.child.outcome},
 *       {@code stack.child.current_node}, {@code stack.child.completed_count} and {@code
 *       stack.child.run_id}. Telemetry goes into the outcome's context updates, and the stop
 *       condition sees it during the loop.
 *   <li>{@code steer}: writes the node's prompt to {@code steer.md} in the child's active stage
 *       directory, once per child stage (the cooldown is "until the child moves on"); an
 *       agent-backed backend reads it as a steering message.
 *   <li>{@code wait}: waits {@code manager.poll_interval}, waking early when the child ends.
 * </ul>
 *
 * The child completing with success succeeds the node; the child failing or stopping fails it;
 * {@code manager.stop_condition} holding succeeds it (and stops the child, resumably); running out
 * of cycles fails it and stops the child. A child the manager stops has ended, checkpointed, before the
 * node's outcome is returned. Without autostart, the manager watches the run directory
 * {@code stack.child_logs_root} that someone else runs.
 */
public final class ManagerLoopHandler implements Handler {

  @Override
  public Outcome execute(Stage stage) throws IOException {
    Node node = stage.node();
    Optional<String> dotfile = node.childDotfile().or(() -> stage.graph().childDotfile());
    if (dotfile.isEmpty() && node.childAutostart()) {
      return Outcome.fail("manager loop " + node.id() + " has no child pipeline: set stack.child_dotfile on the node or the graph");
    }
    Condition stop;
    try {
      stop = ConditionParser.parse(node.managerStopCondition());
    } catch (ConditionSyntaxException e) {
      return Outcome.fail("manager.stop_condition of " + node.id() + " is not a valid condition: " + e.getMessage());
    }
    Path childRoot = node.childLogsRoot().map(p -> stage.workdir().resolve(p)).orElse(stage.stageDir().resolve("child"));
    Path childWorkdir = node.childWorkdir().or(() -> stage.graph().childWorkdir()).map(p -> stage.workdir().resolve(p)).orElse(stage.workdir());
    Optional<ChildRun> child = node.childAutostart()
        ? Optional.of(stage.children().start(childFile(stage, dotfile.get()), childRoot, childWorkdir, Map.of()))
        : Optional.empty();
    Map<String, Object> telemetry = new LinkedHashMap<>();
    try {
      Outcome outcome = supervise(stage, child, childRoot, stop, telemetry);
      return outcome.withContextUpdates(merge(telemetry, outcome.contextUpdates()));
    } finally {
      // Waits for the child to end: a manager that returned while its child still ran would leave a pipeline
      // working (and writing its run directory) after its stage, and its run, had finished.
      child.filter(c -> c.ending().isEmpty())
          .ifPresent(c -> c.stop(StopReason.cancelled("the manager loop " + node.id() + " finished")));
    }
  }

  /** The child pipeline file: next to the parent pipeline file when it is there, else relative to the working directory. */
  static Path childFile(Stage stage, String dotfile) {
    Path written = Path.of(dotfile);
    if (written.isAbsolute()) {
      return written;
    }
    if (stage.graph().position().isKnown()) {
      Path parentDir = Path.of(stage.graph().position().file()).getParent();
      if (parentDir != null) {
        Path beside = stage.workdir().resolve(parentDir).resolve(written);
        if (Files.isRegularFile(beside)) {
          return beside;
        }
      }
    }
    return stage.workdir().resolve(written);
  }

  private static Outcome supervise(Stage stage, Optional<ChildRun> child, Path childRoot, Condition stop, Map<String, Object> telemetry)
      throws IOException {
    Node node = stage.node();
    List<String> actions = node.managerActions();
    String steeredStage = "";
    for (int cycle = 1; cycle <= node.managerMaxCycles(); cycle++) {
      if (stage.cancellation().isCancelled()) {
        return Outcome.fail("cancelled");
      }
      telemetry.put(ContextKeys.MANAGER_CYCLE, cycle);
      if (actions.contains("observe")) {
        observe(childRoot, telemetry);
      }
      if (actions.contains("steer")) {
        steeredStage = steer(stage, childRoot, telemetry, steeredStage);
      }
      Optional<ChildRun.Ending> ending = child.flatMap(ChildRun::ending);
      if (ending.isPresent()) {
        telemetry.put(ContextKeys.CHILD_STATUS, statusWord(ending.get().status()));
        return switch (ending.get().status()) {
          case SUCCESS -> Outcome.success("Child completed");
          // The child reached its exit (3.2: success); its own status and summary name the stages it passed over.
          case SUCCESS_WITH_FAILURES -> Outcome.success("Child completed, passing over failed stages (status success_with_failures)");
          case FAIL -> Outcome.fail("Child failed: " + ending.get().failureReason());
          case STOPPED, RUNNING, RESTARTED -> Outcome.fail("Child stopped: " + ending.get().failureReason());
        };
      }
      if (child.isEmpty() && telemetry.get(ContextKeys.CHILD_STATUS) instanceof String status && !status.equals("running")) {
        return status.equals("completed") && "success".equals(telemetry.get(ContextKeys.CHILD_OUTCOME))
            ? Outcome.success("Child completed")
            : Outcome.fail("Child " + status);
      }
      if (!stop.isAlways() && ConditionEvaluator.evaluate(stop, inputs(stage, telemetry))) {
        return Outcome.success("Stop condition satisfied: " + stop.describe());
      }
      if (actions.contains("wait")) {
        if (child.isPresent()) {
          child.get().awaitDone(node.managerPollInterval());
        } else {
          stage.cancellation().await(node.managerPollInterval());
        }
      }
    }
    return Outcome.fail("Max cycles exceeded (manager.max_cycles=" + node.managerMaxCycles() + ")");
  }

  private static void observe(Path childRoot, Map<String, Object> telemetry) {
    Optional<Checkpoint> checkpoint;
    try {
      checkpoint = CheckpointStore.in(childRoot).load();
    } catch (RunStorageException unreadable) {
      return; // Mid-write on a file system without atomic rename, or not a run yet: the next cycle looks again.
    }
    checkpoint.ifPresent(c -> {
      telemetry.put(ContextKeys.CHILD_RUN_ID, c.runId());
      telemetry.put(ContextKeys.CHILD_STATUS, statusWord(c.status()));
      telemetry.put(ContextKeys.CHILD_OUTCOME, c.finalOutcome().map(o -> o.status().wire()).orElse(""));
      telemetry.put(ContextKeys.CHILD_CURRENT_NODE, c.next().map(Checkpoint.NextStep::nodeId).orElse(c.currentNode()));
      telemetry.put(ContextKeys.CHILD_COMPLETED_COUNT, c.completedNodes().size());
    });
  }

  private static String steer(Stage stage, Path childRoot, Map<String, Object> telemetry, String steeredStage) throws IOException {
    String active = String.valueOf(telemetry.getOrDefault(ContextKeys.CHILD_CURRENT_NODE, ""));
    if (active.isEmpty() || active.equals(steeredStage) || stage.node().prompt().isEmpty()) {
      return steeredStage;
    }
    Path file = childRoot.resolve(active).resolve("steer.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, Prompts.of(stage.node(), stage.graph()) + "\n", StandardCharsets.UTF_8);
    stage.events().note(stage.node().id(), "steered child stage " + active);
    return active;
  }

  private static String statusWord(RunStatus status) {
    return switch (status) {
      case RUNNING, RESTARTED -> "running";
      case SUCCESS, SUCCESS_WITH_FAILURES -> "completed";
      case FAIL -> "failed";
      case STOPPED -> "stopped";
    };
  }

  private static ConditionInputs inputs(Stage stage, Map<String, Object> telemetry) {
    return new ConditionInputs() {
      @Override
      public String outcome() {
        return String.valueOf(telemetry.getOrDefault(ContextKeys.CHILD_OUTCOME, ""));
      }

      @Override
      public String preferredLabel() {
        return "";
      }

      @Override
      public Optional<String> contextValue(String key) {
        Object value = telemetry.containsKey(key) ? telemetry.get(key) : stage.context().get(key).orElse(null);
        return Optional.ofNullable(value).map(ContextValues::text);
      }
    };
  }

  private static Map<String, Object> merge(Map<String, Object> telemetry, Map<String, Object> updates) {
    Map<String, Object> merged = new LinkedHashMap<>(telemetry);
    merged.putAll(updates);
    return merged;
  }
}
