package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.backend.StageFailureException;
import dev.darkfactory.pipeline.backend.BackendStopException;
import dev.darkfactory.pipeline.event.PipelineEvent.StageCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageFailed;
import dev.darkfactory.pipeline.event.PipelineEvent.StageRetrying;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStopped;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.handler.Handler;
import dev.darkfactory.pipeline.handler.HandlerCapability;
import dev.darkfactory.pipeline.handler.Stage;
import dev.darkfactory.pipeline.handler.StopRunException;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Fidelity;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Executes one visit of a node with its retry policy (attractor-spec.md 3.5): resolves the handler
 * (4.2), builds the {@link Stage}, invokes the handler, writes {@code status.json} (Appendix C),
 * and retries RETRY outcomes (and FAIL ones when {@code retry_on_fail}, and transient exceptions)
 * with backoff until the policy's attempts are used up. Exhausted RETRY becomes PARTIAL_SUCCESS
 * with {@code allow_partial}, else FAIL.
 *
 * <p>A handler that throws yields FAIL with the exception's message (4.12); the engine carries on.
 * A handler's {@link StopRunException} (or a backend's {@link BackendStopException}), or a stop signal that arrives while the stage runs and
 * does not end in success, abandons the visit: {@link Interrupted} is thrown and the node is not
 * completed, so it runs again on resume. A stage that succeeds despite a concurrent stop is kept.
 */
final class StageRunner {
  private final ActiveRun run;

  StageRunner(ActiveRun run) {
    this.run = run;
  }

  /** The visit was abandoned because the run (or branch) is stopping. */
  static final class Interrupted extends RuntimeException {
    private final StopReason reason;

    Interrupted(StopReason reason) {
      super(reason.message(), null, false, false);
      this.reason = reason;
    }

    StopReason reason() {
      return reason;
    }
  }

  /** The final outcome of a visit, the fidelity it ran with, and the handler's capabilities. */
  record Executed(Outcome outcome, Fidelity fidelity, Set<HandlerCapability> capabilities) {}

  private record Attempt(Outcome outcome, Optional<Throwable> error) {}

  /** What stays the same across the attempts of one visit. */
  private record Visit(Node node, Handler handler, String type, Set<HandlerCapability> capabilities, RetryPolicy policy, Fidelity fidelity,
      int number, Path stageDir) {}

  Executed execute(Node node, TraversalState state, Scope scope) {
    Visit visit = begin(node, state);
    int index = -1;
    try {
      for (int attempt = 1; ; attempt++) {
        index = run.nextStageIndex();
        Instant started = run.now();
        scope.events().publish(new StageStarted(run.runId, started, node.id(), node.label(), index, visit.type(), attempt, scope.branch()));
        Attempt result = attempt(visit, state, scope, attempt);
        run.dir.writeStatus(node.id(), result.outcome());
        if (shouldRetry(result.outcome(), result.error(), visit.policy()) && attempt < visit.policy().maxAttempts()) {
          waitToRetry(visit, state, scope, index, attempt, result.outcome());
          continue;
        }
        return finish(visit, state, scope, index, started, result.outcome());
      }
    } catch (Interrupted e) {
      // The stage in flight ends as stopped, so no projection (web UI, factory status) keeps showing it as running.
      scope.events().publish(new StageStopped(run.runId, run.now(), node.id(), node.label(), index, e.reason(), scope.branch()));
      throw e;
    }
  }

  /** Resolves the handler (4.2), its retry policy and the stage's fidelity, and counts the visit. */
  private Visit begin(Node node, TraversalState state) {
    Handler handler = run.handlers.resolve(node);
    Set<HandlerCapability> capabilities = handler.capabilities(node);
    RetryPolicy policy = capabilities.contains(HandlerCapability.ROUTING_ONLY)
        ? RetryPolicy.none()
        : RetryPolicy.forNode(node, run.graph, run.retryPredicate, run.limits.retryOnFail());
    // Only an LLM stage uses up the one degraded hop after a resume (5.3 step 6): a tool node in between has no session.
    boolean degrade = capabilities.contains(HandlerCapability.CALLS_BACKEND) && state.takeFullDegrade();
    Fidelity fidelity = FidelityResolver.resolve(node, state.incomingEdge(run.graph), run.graph, state.currentNode(), degrade);
    int number = state.enter(node.id());
    return new Visit(node, handler, run.handlers.typeOf(node), capabilities, policy, fidelity, number, run.dir.stageDir(node.id()));
  }

  private Attempt attempt(Visit visit, TraversalState state, Scope scope, int attempt) {
    Node node = visit.node();
    Stage stage = new Stage(node, run.graph, state.context(), run.dir, visit.stageDir(), run.workdir, visit.fidelity(), visit.number(), attempt,
        run.countExecution(node.id()), scope.cancellation(), scope.events(), run.artifacts,
        new BranchExecutor(run, node, visit.number(), attempt, scope), run.children);
    try {
      return invoke(visit.handler(), stage, scope.cancellation());
    } catch (Interrupted e) {
      // The visit did not happen as far as counts go: a resumed run repeats it with the same numbers.
      run.uncountExecution(node.id());
      state.leave(node.id());
      throw e;
    }
  }

  private void waitToRetry(Visit visit, TraversalState state, Scope scope, int index, int attempt, Outcome outcome) {
    Node node = visit.node();
    state.countRetry(node.id());
    Duration delay = visit.policy().backoff().delayForAttempt(attempt, run.random);
    scope.events().publish(new StageFailed(run.runId, run.now(), node.id(), node.label(), index, outcome.summary(), true, outcome.status(),
        scope.branch()));
    scope.events().publish(new StageRetrying(run.runId, run.now(), node.id(), node.label(), index, attempt + 1, delay, scope.branch()));
    run.sleeper.sleep(delay, scope.cancellation());
    if (scope.cancellation().isCancelled()) {
      state.leave(node.id());
      throwIfStopping(scope.cancellation());
    }
  }

  /** The visit's final outcome: exhausted RETRY resolved (3.5), counters reset on success, the closing event. */
  private Executed finish(Visit visit, TraversalState state, Scope scope, int index, Instant started, Outcome outcome) {
    Node node = visit.node();
    Outcome last = outcome.status() == StageStatus.RETRY ? exhausted(node, outcome) : outcome;
    if (last != outcome) {
      run.dir.writeStatus(node.id(), last);
    }
    if (last.status() == StageStatus.FAIL) {
      scope.events().publish(new StageFailed(run.runId, run.now(), node.id(), node.label(), index, last.summary(), false, last.status(),
          scope.branch()));
    } else {
      if (last.status().isSuccess()) {
        state.resetRetries(node.id());
      }
      scope.events().publish(new StageCompleted(run.runId, run.now(), node.id(), node.label(), index, Duration.between(started, run.now()),
          last.status(), last.notes(), scope.branch()));
    }
    return new Executed(last, visit.fidelity(), visit.capabilities());
  }

  private static boolean shouldRetry(Outcome outcome, Optional<Throwable> error, RetryPolicy policy) {
    return switch (outcome.status()) {
      case RETRY -> true;
      case FAIL -> error.map(policy.shouldRetry()::test).orElse(policy.retryOnFail());
      case SUCCESS, PARTIAL_SUCCESS, SKIPPED -> false;
    };
  }

  /** 3.5: RETRY with no attempts left. */
  private static Outcome exhausted(Node node, Outcome outcome) {
    String why = outcome.failureReason().isEmpty() ? "" : ": " + outcome.failureReason();
    return node.allowPartial()
        ? outcome.withStatus(StageStatus.PARTIAL_SUCCESS).withNotes("retries exhausted, partial accepted" + why)
        : outcome.withStatus(StageStatus.FAIL).withFailureReason("max retries exceeded" + why);
  }

  /**
   * Runs the handler; while it runs, a stop signal also interrupts this thread, so blocking calls
   * inside the handler return promptly.
   */
  private Attempt invoke(Handler handler, Stage stage, Cancellation cancellation) {
    Thread worker = Thread.currentThread();
    Object lock = new Object();
    boolean[] running = {true};
    // Under the lock, so no interrupt can land after the handler returned, when the engine writes files again.
    Cancellation.Registration interrupt = cancellation.onCancel(() -> {
      synchronized (lock) {
        if (running[0]) {
          worker.interrupt();
        }
      }
    });
    try {
      Outcome outcome = handler.execute(stage);
      if (outcome == null || !(outcome.status().isSuccess() || outcome.status() == StageStatus.SKIPPED)) {
        // A stage that finished its work is kept even when a stop arrived meanwhile (it is never replayed);
        // one that failed may have failed because it was stopped, so it runs again on resume.
        throwIfStopping(cancellation);
      }
      return outcome == null
          ? new Attempt(Outcome.fail("the handler of " + stage.node().id() + " returned no outcome"), Optional.empty())
          : new Attempt(outcome, Optional.empty());
    } catch (StopRunException e) {
      throw new Interrupted(e.reason());
    } catch (BackendStopException e) {
      throw new Interrupted(e.reason());
    } catch (Interrupted e) {
      throw e;
    } catch (Exception | AssertionError | StackOverflowError | LinkageError e) {
      throwIfStopping(cancellation);
      String reason = e instanceof StageFailureException described && described.getMessage() != null
          ? described.getMessage()
          : "handler error in " + stage.node().id() + ": " + describe(e);
      return new Attempt(Outcome.fail(reason), Optional.of(e));
    } finally {
      synchronized (lock) {
        running[0] = false;
      }
      interrupt.close();
      Thread.interrupted();
    }
  }

  private static void throwIfStopping(Cancellation cancellation) {
    if (cancellation.isCancelled()) {
      throw new Interrupted(cancellation.reason().orElseThrow());
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return (message == null || message.isBlank() ? "" : message + " ") + "(" + e.getClass().getSimpleName() + ")";
  }
}
