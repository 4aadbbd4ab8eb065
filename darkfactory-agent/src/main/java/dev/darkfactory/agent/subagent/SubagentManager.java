package dev.darkfactory.agent.subagent;

import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.Session;
import dev.darkfactory.agent.SessionState;
import dev.darkfactory.agent.SubmitResult;
import dev.darkfactory.agent.ToolException;
import dev.darkfactory.agent.tool.SubagentControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * A session's subagents (coding-agent-loop-spec §7): each is an independent {@link Session} with its
 * own history, sharing the parent's execution environment, running its task concurrently on a
 * virtual thread. The depth limit (§7.3, {@code max_subagent_depth}) is enforced at spawn time, and
 * the parent's shutdown closes every subagent (Appendix B step 6).
 */
public final class SubagentManager implements SubagentControl {

  /** Creates a child session for a spawn request, with the given listener subscribed from the start. */
  public interface ChildFactory extends BiFunction<SpawnRequest, Consumer<AgentEvent>, Session> {}

  private final int depth;
  private final IntSupplier maxDepth;
  private final ChildFactory factory;
  private final java.util.function.BiConsumer<String, AgentEvent> forward;
  private final Map<String, Child> children = new LinkedHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  /** Spawns under way; guarded by {@code children}. */
  private int spawning;

  /**
   * @param depth the owning session's depth (0 for a top-level session)
   * @param forward receives each subagent event with the subagent's id
   */
  public SubagentManager(int depth, IntSupplier maxDepth, ChildFactory factory,
      java.util.function.BiConsumer<String, AgentEvent> forward) {
    this.depth = depth;
    this.maxDepth = maxDepth;
    this.factory = factory;
    this.forward = forward;
  }

  private static final class Child {
    final String id;
    final Session session;
    volatile CompletableFuture<SubmitResult> work;

    Child(String id, Session session) {
      this.id = id;
      this.session = session;
    }

    SubagentStatus status() {
      CompletableFuture<SubmitResult> current = work;
      if (!current.isDone()) {
        return SubagentStatus.RUNNING;
      }
      return current.isCompletedExceptionally() || !current.join().completed() ? SubagentStatus.FAILED : SubagentStatus.COMPLETED;
    }
  }

  @Override
  public String spawn(SpawnRequest request) {
    if (depth + 1 > maxDepth.getAsInt()) {
      throw new ToolException(ToolException.Kind.SUBAGENT, "Subagent depth limit reached (max_subagent_depth = "
          + maxDepth.getAsInt() + "): a subagent cannot spawn further subagents. Do the work yourself.");
    }
    synchronized (children) {
      spawning++;
    }
    try {
      String id = "agent-" + sequence.incrementAndGet();
      Session session = factory.apply(request, event -> forward.accept(id, event));
      Child child = new Child(id, session);
      child.work = session.submitAsync(request.task());
      synchronized (children) {
        children.put(id, child);
      }
      return id;
    } finally {
      synchronized (children) {
        spawning--;
        children.notifyAll();
      }
    }
  }

  @Override
  public String sendInput(String agentId, String message) {
    Child child = find(agentId);
    if (child.session.state() == SessionState.CLOSED) {
      throw new ToolException(ToolException.Kind.SUBAGENT, "Subagent " + agentId + " is closed; spawn a new one.");
    }
    synchronized (child) {
      if (!child.work.isDone()) {
        child.session.steer(message);
        return "Message sent to subagent " + agentId + "; it sees it after its current step.";
      }
      child.work = child.session.submitAsync(message);
      return "Subagent " + agentId + " is working on your message; call wait for its result.";
    }
  }

  @Override
  public Result await(String agentId) {
    Child child = find(agentId);
    try {
      SubmitResult result = child.work.get();
      SubagentStatus status = result.completed() ? SubagentStatus.COMPLETED : SubagentStatus.FAILED;
      String output = result.output().isBlank()
          ? "(no final text; stopped: " + result.stopReason().wireName() + result.error().map(e -> ", " + e.getMessage()).orElse("") + ")"
          : result.output();
      return new Result(agentId, status.wireName(), output, result.completed(), child.session.history().stream()
          .filter(dev.darkfactory.agent.Turn.AssistantTurn.class::isInstance).mapToInt(turn -> 1).sum());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException(ToolException.Kind.SUBAGENT, "Interrupted while waiting for subagent " + agentId + ".");
    } catch (ExecutionException | CancellationException e) {
      throw new ToolException(ToolException.Kind.SUBAGENT, "Subagent " + agentId + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String close(String agentId) {
    Child child = find(agentId);
    SubagentStatus before = child.status();
    child.session.close();
    return "Subagent " + agentId + " closed (status: " + (before == SubagentStatus.RUNNING ? "aborted" : before.wireName()) + ").";
  }

  /** Closes every subagent: aborts running ones and waits for them to end. */
  public void closeAll() {
    List<Child> all;
    synchronized (children) {
      all = new ArrayList<>(children.values());
    }
    all.forEach(child -> child.session.close());
  }

  /** Ids and statuses of the subagents spawned so far. */
  public Map<String, SubagentStatus> statuses() {
    Map<String, SubagentStatus> statuses = new LinkedHashMap<>();
    synchronized (children) {
      children.forEach((id, child) -> statuses.put(id, child.status()));
    }
    return statuses;
  }

  /**
   * The subagent with this id. A model may call {@code spawn_agent} and {@code wait} in one response,
   * and parallel execution can run the wait first, so an unknown id waits for spawns in progress.
   */
  private Child find(String agentId) {
    synchronized (children) {
      while (!children.containsKey(agentId) && spawning > 0) {
        try {
          children.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      Child child = children.get(agentId);
      if (child == null) {
        throw new ToolException(ToolException.Kind.SUBAGENT, "No subagent with id '" + agentId + "'. Known: "
            + (children.isEmpty() ? "none" : String.join(", ", children.keySet())) + ".");
      }
      return child;
    }
  }
}
