package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.event.EventSink;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fans out to the targets of the node's outgoing edges, one branch each, concurrently on virtual
 * threads (attractor-spec.md 4.8, 3.8). At most {@code max_parallel} branches run at once. Each
 * branch gets a copy of the context and runs until a node that joins branches (a fan-in), the
 * exit, or a node with no way forward ({@link BranchRunner}).
 *
 * <p>{@code wait_all} lets every branch finish: SUCCESS when none failed, else PARTIAL_SUCCESS.
 * {@code first_success} stops at the first branch that succeeds and cancels the others (their
 * threads are interrupted and their tool processes killed): SUCCESS, or FAIL when none succeeded.
 *
 * <p>The outcome carries {@code parallel.results} ({@link ParallelResults}), the success and
 * failure counts, and every branch's context changes namespaced as {@code
 * parallel.branch.<branch>.<key>}. Execution continues at the node where the branches joined; when
 * they joined nowhere the traversal ends after this node, and when they joined at different nodes
 * the stage fails.
 */
public final class ParallelHandler implements Handler {

  @Override
  public Outcome execute(Stage stage) throws InterruptedException {
    Node node = stage.node();
    List<Edge> edges = stage.graph().outgoing(node.id());
    if (edges.isEmpty()) {
      return Outcome.fail("parallel node " + node.id() + " has no outgoing edges: there is nothing to fan out to");
    }
    Optional<JoinPolicy> policy = JoinPolicy.fromWire(node.joinPolicy());
    if (policy.isEmpty()) {
      return Outcome.fail("unknown join_policy \"" + node.joinPolicy() + "\" on " + node.id() + ": use wait_all or first_success");
    }
    int maxParallel = Math.max(1, node.maxParallel());
    EventSink events = stage.events();
    Instant started = events.now();
    events.publish(new PipelineEvent.ParallelStarted(events.runId(), started, node.id(), edges.size(), policy.get().wire(), maxParallel));
    List<BranchResult> results = runBranches(stage, edges, policy.get(), maxParallel);
    if (stage.cancellation().isCancelled()) {
      // The run is stopping: branches were cut short, so this result is incomplete. Resume runs the node again,
      // and its finished branches report their recorded results.
      throw new StopRunException(stage.cancellation().reason().orElseThrow());
    }
    int successes = (int) results.stream().filter(r -> r.status().isSuccess()).count();
    int failures = (int) results.stream().filter(r -> r.status() == StageStatus.FAIL).count();
    events.publish(new PipelineEvent.ParallelCompleted(events.runId(), events.now(), node.id(), Duration.between(started, events.now()), successes, failures));
    return outcome(node, policy.get(), results, successes, failures);
  }

  private static List<BranchResult> runBranches(Stage stage, List<Edge> edges, JoinPolicy policy, int maxParallel) throws InterruptedException {
    Semaphore permits = new Semaphore(maxParallel);
    AtomicReference<String> winner = new AtomicReference<>();
    List<Cancellation> cancellations = new ArrayList<>();
    List<Future<BranchResult>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < edges.size(); i++) {
        cancellations.add(stage.cancellation().child());
      }
      for (int i = 0; i < edges.size(); i++) {
        int index = i;
        String start = edges.get(i).to();
        var branchContext = stage.context().copy();
        futures.add(pool.submit(() -> {
          permits.acquire();
          try {
            Cancellation mine = cancellations.get(index);
            if (mine.isCancelled()) {
              return cancelledBeforeStart(start, index, mine);
            }
            BranchResult result = runOne(stage, start, index, branchContext, mine);
            if (policy == JoinPolicy.FIRST_SUCCESS && result.status().isSuccess() && winner.compareAndSet(null, start)) {
              StopReason lost = StopReason.cancelled("first_success: branch " + start + " succeeded first");
              for (int other = 0; other < cancellations.size(); other++) {
                if (other != index) {
                  cancellations.get(other).cancel(lost);
                }
              }
            }
            return result;
          } finally {
            permits.release();
          }
        }));
      }
    }
    List<BranchResult> results = new ArrayList<>();
    for (Future<BranchResult> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("a parallel branch crashed: " + e.getCause(), e.getCause());
      }
    }
    return results;
  }

  private static BranchResult runOne(Stage stage, String start, int index, dev.darkfactory.pipeline.state.Context context, Cancellation cancellation) {
    EventSink events = stage.events();
    Instant began = events.now();
    String nodeId = stage.node().id();
    events.publish(new PipelineEvent.ParallelBranchStarted(events.runId(), began, nodeId, start, index));
    BranchResult result = stage.branches().run(start, index, context, cancellation);
    events.publish(new PipelineEvent.ParallelBranchCompleted(events.runId(), events.now(), nodeId, start, index,
        Duration.between(began, events.now()), result.status().isSuccess(), result.status()));
    return result;
  }

  private static BranchResult cancelledBeforeStart(String start, int index, Cancellation cancellation) {
    String why = cancellation.reason().map(StopReason::message).orElse("cancelled");
    return new BranchResult(start, index, Outcome.skipped("not started: " + why), List.of(), Map.of(), Map.of(), Optional.empty(), Duration.ZERO, true);
  }

  private static Outcome outcome(Node node, JoinPolicy policy, List<BranchResult> results, int successes, int failures) {
    StageStatus status = switch (policy) {
      case WAIT_ALL -> failures == 0 ? StageStatus.SUCCESS : StageStatus.PARTIAL_SUCCESS;
      case FIRST_SUCCESS -> successes > 0 ? StageStatus.SUCCESS : StageStatus.FAIL;
    };
    Set<String> joins = new TreeSet<>();
    results.stream().filter(r -> !r.cancelled()).forEach(r -> r.joinNode().ifPresent(joins::add));
    Map<String, Object> updates = new LinkedHashMap<>();
    updates.put(ContextKeys.PARALLEL_RESULTS, ParallelResults.serialize(results));
    updates.put(ContextKeys.PARALLEL_SUCCESS_COUNT, successes);
    updates.put(ContextKeys.PARALLEL_FAILURE_COUNT, failures);
    updates.putAll(ParallelResults.namespaced(results));
    String summary = results.size() + " branches: " + successes + " succeeded, " + failures + " failed";
    if (joins.size() > 1) {
      return Outcome.fail("the branches of " + node.id() + " end at different join nodes " + joins
          + ": make them meet at one parallel.fan_in node").withContextUpdates(updates);
    }
    Outcome outcome = Outcome.of(status).withContextUpdates(updates);
    if (status == StageStatus.FAIL) {
      outcome = outcome.withFailureReason("no branch succeeded (first_success): " + summary);
    }
    if (joins.isEmpty()) {
      return outcome.withNotes(summary + "; no join node, the run ends here");
    }
    String join = joins.iterator().next();
    return outcome.withNotes(summary + "; joined at " + join).withContinueAt(join);
  }

  @Override
  public Set<HandlerCapability> capabilities(Node node) {
    return Set.of(HandlerCapability.FANS_OUT);
  }
}
