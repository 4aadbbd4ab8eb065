package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.handler.BranchResult;
import dev.darkfactory.pipeline.handler.BranchRunner;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.CheckpointStore;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the branches of one parallel stage as {@link Traversal}s in branch scope (attractor-spec.md
 * 4.8). Each branch checkpoints to {@code {logs_root}/{parallel_node}/branches/{visit}.{attempt}/{index}-{first_node}/checkpoint.json}:
 * when a crashed run is resumed and the parallel node runs again, a finished branch is not executed
 * again (its recorded result is returned) and an unfinished one continues after its last completed
 * node. A new visit or attempt of the parallel node starts its branches afresh.
 */
final class BranchExecutor implements BranchRunner {
  private final ActiveRun run;
  private final Node parallel;
  private final int visit;
  private final int attempt;
  private final Scope parent;

  BranchExecutor(ActiveRun run, Node parallel, int visit, int attempt, Scope parent) {
    this.run = run;
    this.parallel = parallel;
    this.visit = visit;
    this.attempt = attempt;
    this.parent = parent;
  }

  @Override
  public BranchResult run(String startNodeId, int index, Context context, Cancellation cancellation) {
    Path dir = run.dir.root().resolve(parallel.id()).resolve("branches").resolve(visit + "." + attempt).resolve(index + "-" + startNodeId);
    CheckpointStore store = CheckpointStore.in(dir);
    Map<String, Object> base = context.snapshot();
    Optional<Checkpoint> saved = store.load();
    if (saved.isPresent() && saved.get().status().isFinished()) {
      return recorded(startNodeId, index, saved.get(), base);
    }
    saved.ifPresent(checkpoint -> run.catchUpExecutions(checkpoint.nodeExecutions()));
    TraversalState state = saved.map(TraversalState::resume).orElseGet(() -> TraversalState.start(context, startNodeId));
    String label = (parent.isBranch() ? parent.branch() + "/" : "") + parallel.id() + "/" + startNodeId;
    Instant began = run.now();
    Ending ending = new Traversal(run, state, new Scope(label, run.sink(label), cancellation, store), Optional.empty()).run();
    Duration took = Duration.between(began, run.now());
    Map<String, Object> updates = changes(base, state.context().snapshot());
    return switch (ending) {
      case Ending.Joined joined -> result(startNodeId, index, state, lastOr(state, "the branch reached its join node at once"),
          updates, Optional.of(joined.nodeId()), took, false);
      case Ending.Finished finished -> result(startNodeId, index, state, finished.outcome(), updates, Optional.empty(), took, false);
      case Ending.Failed failed -> result(startNodeId, index, state, Outcome.fail(failed.reason()), updates, Optional.empty(), took, false);
      case Ending.Stopped stopped -> {
        if (!cancellation.isCancelled()) {
          // A handler in the branch asked to stop the run (StopRunException): that stops every branch and the run.
          run.cancellation.cancel(stopped.reason());
        }
        yield result(startNodeId, index, state, Outcome.skipped("cancelled: " + stopped.reason().message()), updates, Optional.empty(), took, true);
      }
      case Ending.Restart restart -> throw new IllegalStateException("branches never restart the run");
    };
  }

  private static Outcome lastOr(TraversalState state, String notes) {
    return state.lastOutcome().orElse(Outcome.success(notes));
  }

  private static BranchResult result(String branch, int index, TraversalState state, Outcome outcome, Map<String, Object> updates,
      Optional<String> join, Duration took, boolean cancelled) {
    return new BranchResult(branch, index, outcome, state.completed(), state.outcomes(), updates, join, took, cancelled);
  }

  /** A branch that finished before the run was interrupted: its result, from its checkpoint. */
  private static BranchResult recorded(String branch, int index, Checkpoint checkpoint, Map<String, Object> base) {
    return new BranchResult(branch, index, checkpoint.finalOutcome().orElse(Outcome.success()), checkpoint.completedNodes(),
        checkpoint.nodeOutcomes(), changes(base, checkpoint.contextValues()), checkpoint.next().map(Checkpoint.NextStep::nodeId),
        Duration.ZERO, false);
  }

  /** Values the branch added or changed, without the engine's routing bookkeeping. */
  static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> changed = new LinkedHashMap<>();
    after.forEach((key, value) -> {
      if (!ContextKeys.isRoutingState(key) && !Objects.equals(before.get(key), value)) {
        changed.put(key, value);
      }
    });
    return changed;
  }

}
