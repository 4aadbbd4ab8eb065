package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.event.PipelineEvent.CheckpointSaved;
import dev.darkfactory.pipeline.event.PipelineEvent.EdgeSelected;
import dev.darkfactory.pipeline.event.PipelineEvent.GoalGateUnsatisfied;
import dev.darkfactory.pipeline.event.RoutingDecision;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.handler.HandlerCapability;
import dev.darkfactory.pipeline.state.Checkpoint.NextStep;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.util.Optional;

/**
 * The core loop of attractor-spec.md 3.2, for the whole run or one parallel branch. Each turn is a
 * few named steps: stop if asked to, find the node, enforce goal gates at the exit (3.4), check the
 * visit bound, execute with retry ({@link StageRunner}), record the outcome, choose the route
 * ({@link Router}), and checkpoint. A checkpoint is saved after every completed node and when the
 * traversal ends, so a resume continues after the last completed node and never repeats it.
 *
 * <p>The checkpoint is written after the route is chosen (3.2 writes it just before), so it can
 * record where execution continues and through which edge; the route depends only on the saved
 * outcome and context, so nothing is lost.
 */
final class Traversal {
  private final ActiveRun run;
  private final TraversalState state;
  private final Scope scope;
  private final StageRunner stages;
  private final Optional<String> restartDirectory;
  private final UnimpliedExecutions unimpliedExecutions = new UnimpliedExecutions();

  /**
   * @param restartDirectory where a {@code loop_restart} continues the run; empty when the
   *     restart bound is used up (or in a branch, which never restarts)
   */
  Traversal(ActiveRun run, TraversalState state, Scope scope, Optional<String> restartDirectory) {
    this.run = run;
    this.state = state;
    this.scope = scope;
    this.stages = new StageRunner(run);
    this.restartDirectory = restartDirectory;
  }

  Ending run() {
    while (true) {
      Optional<Ending> stop = stopRequested();
      if (stop.isPresent()) {
        return end(stop.get());
      }
      String id = state.next().nodeId();
      Optional<Node> found = run.graph.node(id);
      if (found.isEmpty()) {
        return end(new Ending.Failed("the run reached node '" + id + "', which is not in the graph", Optional.of(id)));
      }
      Node node = found.get();
      if (scope.isBranch() && (run.isExit(node) || run.has(node, HandlerCapability.JOINS_BRANCHES))) {
        return end(new Ending.Joined(id));
      }
      if (!scope.isBranch() && run.isExit(node)) {
        Optional<Ending> blocked = enforceGoalGates();
        if (blocked.isPresent()) {
          return end(blocked.get());
        }
        if (!state.next().nodeId().equals(id)) {
          checkpoint(RunStatus.RUNNING, Optional.empty(), Optional.empty());
          continue; // a goal gate sent the run back
        }
      }
      int bound = run.maxVisits(node);
      if (state.visits(id) >= bound) {
        return end(new Ending.Failed("node '" + id + "' reached its visit limit (max_visits=" + bound
            + "): the run looped through it " + bound + " times without leaving", Optional.of(id)));
      }
      StageRunner.Executed executed;
      try {
        executed = stages.execute(node, state, scope);
      } catch (StageRunner.Interrupted e) {
        return end(new Ending.Stopped(e.reason(), id));
      }
      Optional<Ending> ending = advance(node, executed);
      if (ending.isPresent()) {
        return end(ending.get());
      }
      checkpoint(RunStatus.RUNNING, Optional.empty(), Optional.empty());
    }
  }

  /** 3.2 steps 3, 4, 6-8: record the outcome, choose the route, move on (or end). */
  private Optional<Ending> advance(Node node, StageRunner.Executed executed) {
    Outcome outcome = executed.outcome();
    state.complete(node, outcome, executed.capabilities().contains(HandlerCapability.CALLS_BACKEND)
        ? Optional.of(executed.fidelity().mode())
        : Optional.empty());
    if (!scope.isBranch() && run.isExit(node)) {
      return Optional.of(new Ending.Finished(outcome));
    }
    RoutingDecision decision = Router.route(run, node, outcome, executed.capabilities(), state.context());
    if (!scope.isBranch()) {
      FailedStages.routed(state.context(), node.id(), outcome.status(), executed.capabilities().contains(HandlerCapability.ROUTING_ONLY),
          decision.step());
    }
    scope.events().publish(new EdgeSelected(run.runId, run.now(), decision, scope.branch()));
    if (decision.target().isEmpty()) {
      return deadEnd(outcome);
    }
    String target = decision.target().get();
    Optional<Integer> edgeIndex = decision.chosenEdge();
    Optional<Edge> edge = edgeIndex.map(i -> run.graph.outgoing(node.id()).get(i));
    if (!scope.isBranch() && edge.isPresent() && edge.get().loopRestart()) {
      if (restartDirectory.isEmpty()) {
        int bound = run.graph.maxRestarts().orElse(run.limits.maxRestarts());
        return Optional.of(new Ending.Failed("the loop_restart edge " + edge.get().describe() + " was reached after " + bound
            + " restarts (max_restarts=" + bound + ")", Optional.of(node.id())));
      }
      state.advance(NextStep.jump(target));
      return Optional.of(new Ending.Restart(target, restartDirectory.get()));
    }
    state.advance(edgeIndex.map(i -> new NextStep(target, node.id(), i)).orElseGet(() -> NextStep.jump(target)));
    return Optional.empty();
  }

  /**
   * No edge leads on from a node that did not fail (3.2 ends the run there). The pipeline outcome
   * still depends on the goal gates (11.3), so they are enforced here as at an exit: a run that
   * stops short of the exit cannot succeed past an unsatisfied gate.
   */
  private Optional<Ending> deadEnd(Outcome outcome) {
    if (scope.isBranch() || outcome.status() == StageStatus.FAIL || GoalGates.firstUnsatisfied(run.graph, state.outcomes()).isEmpty()) {
      return Optional.of(new Ending.Finished(outcome));
    }
    return enforceGoalGates(); // empty: a gate sent the run back to its retry target
  }

  /** 3.4: at the exit, every goal gate must have succeeded; otherwise jump to a retry target or fail. */
  private Optional<Ending> enforceGoalGates() {
    Optional<Node> gate = GoalGates.firstUnsatisfied(run.graph, state.outcomes());
    if (gate.isEmpty()) {
      return Optional.empty();
    }
    StageStatus status = state.outcomes().get(gate.get().id());
    Optional<String> target = GoalGates.retryTarget(gate.get(), run.graph);
    scope.events().publish(new GoalGateUnsatisfied(run.runId, run.now(), gate.get().id(), status, target, state.goalGateRetries()));
    String gateId = gate.get().id();
    if (target.isEmpty()) {
      return Optional.of(new Ending.Failed("Goal gate unsatisfied and no retry target: goal gate '" + gateId + "' ended with "
          + status.wire() + ", and neither it nor the graph sets retry_target or fallback_retry_target", Optional.of(gateId)));
    }
    int bound = run.graph.maxGoalGateRetries().orElse(run.limits.maxGoalGateRetries());
    if (state.goalGateRetries() >= bound) {
      return Optional.of(new Ending.Failed("goal gate '" + gateId + "' is still unsatisfied (" + status.wire() + ") after "
          + state.goalGateRetries() + " goal-gate retries (max_goal_gate_retries=" + bound + ")", Optional.of(gateId)));
    }
    state.jumpForGoalGate(target.get());
    return Optional.empty();
  }

  private Optional<Ending> stopRequested() {
    if (scope.cancellation().isCancelled()) {
      return Optional.of(new Ending.Stopped(scope.cancellation().reason().orElseThrow(), state.next().nodeId()));
    }
    if (run.deadline.isPresent() && run.now().isAfter(run.deadline.get())) {
      StopReason timeout = run.timeoutReason();
      run.cancellation.cancel(timeout);
      return Optional.of(new Ending.Stopped(timeout, state.next().nodeId()));
    }
    return Optional.empty();
  }

  /** Saves the final checkpoint of this traversal and returns {@code ending}. */
  private Ending end(Ending ending) {
    switch (ending) {
      case Ending.Finished f -> save(finishedStatus(f.outcome()), Optional.of(f.outcome()), Optional.empty(), Optional.empty(), false);
      case Ending.Failed f -> save(RunStatus.FAIL, Optional.of(Outcome.fail(f.reason())), Optional.empty(), Optional.empty(), false);
      case Ending.Stopped s when s.reason().resumable() -> save(RunStatus.STOPPED, Optional.empty(), Optional.of(s.reason()), Optional.empty(), true);
      case Ending.Stopped s -> save(RunStatus.FAIL, Optional.of(Outcome.fail(s.reason().message() + " at node '" + s.atNode() + "'")),
          Optional.of(s.reason()), Optional.empty(), false);
      case Ending.Joined j -> {
        // The branch's result is its last stage's outcome; next keeps the join node for a resume to report.
        Outcome last = state.lastOutcome().orElse(Outcome.success("the branch reached its join node at once"));
        save(statusOf(last), Optional.of(last), Optional.empty(), Optional.empty(), true);
      }
      case Ending.Restart r -> save(RunStatus.RESTARTED, Optional.empty(), Optional.empty(), Optional.of(r.directory()), true);
    }
    return ending;
  }

  private static RunStatus statusOf(Outcome outcome) {
    return outcome.status() == StageStatus.FAIL ? RunStatus.FAIL : RunStatus.SUCCESS;
  }

  /** A run (not a branch) that reached its end past failed stages says so in its status. */
  private RunStatus finishedStatus(Outcome outcome) {
    RunStatus status = statusOf(outcome);
    return status == RunStatus.SUCCESS && !scope.isBranch() && !FailedStages.of(state).isEmpty() ? RunStatus.SUCCESS_WITH_FAILURES : status;
  }

  private void checkpoint(RunStatus status, Optional<StopReason> reason, Optional<String> restartedInto) {
    save(status, Optional.empty(), reason, restartedInto, true);
  }

  private void save(RunStatus status, Optional<Outcome> finalOutcome, Optional<StopReason> reason, Optional<String> restartedInto,
      boolean keepNext) {
    // Views of the live state, read by the store during the save (on this thread, before anything changes).
    scope.checkpoints().save(new LiveCheckpoint(run.runId, run.fingerprint, run.now(), status, state.currentNode(),
        keepNext ? Optional.of(state.next()) : Optional.empty(), state.completed(), state.outcomes(), state.retries(),
        unimpliedExecutions.update(state.completed(), run.executionCounts), run.stageCount(), state.goalGateRetries(), state.lastFidelity(),
        state.context().snapshot(), state.context().logs(), finalOutcome, reason, restartedInto));
    if (!state.currentNode().isEmpty()) {
      scope.events().publish(new CheckpointSaved(run.runId, run.now(), state.currentNode(), scope.branch()));
    }
  }

  /** Saves the current progress without completing a node: the initial checkpoint of a run (3.1 step 4). */
  void saveProgress() {
    checkpoint(RunStatus.RUNNING, Optional.empty(), Optional.empty());
  }
}
