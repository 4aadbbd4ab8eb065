package dev.darkfactory.agent.loop;

import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.AgentException;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.SessionFailedException;
import dev.darkfactory.agent.StopReason;
import dev.darkfactory.agent.Turn;
import dev.darkfactory.agent.prompt.ProjectDocs;
import dev.darkfactory.agent.prompt.SystemPrompt;
import dev.darkfactory.agent.tool.ToolExecution;
import dev.darkfactory.llm.ContextLengthException;
import dev.darkfactory.llm.Cost;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.MediaData;
import dev.darkfactory.llm.MediaSource;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.Usage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The core agentic loop, {@code process_input} of coding-agent-loop-spec §2.5, step for step:
 * record the input, drain steering, then call the model and run its tools until it answers with
 * text only, a limit is hit, or the session is aborted; steering is drained after every round and
 * loop detection adds its warning. Follow-ups queued meanwhile are processed in turn (§2.6).
 *
 * <p>An LLM error ends the input: a context overflow leaves the session usable (Appendix B), a
 * transient error that outlived its retries too, anything else is {@linkplain Outcome#fatal()
 * fatal} and the session closes.
 */
public final class AgentLoop {
  private final SessionCore core;
  private final ModelCall modelCall;
  private final ToolRound toolRound;
  private final ContextMonitor contextMonitor;

  public AgentLoop(SessionCore core) {
    this.core = core;
    this.modelCall = new ModelCall(core);
    this.toolRound = new ToolRound(core);
    this.contextMonitor = new ContextMonitor(core);
  }

  /** How processing ended. */
  public record Outcome(
      StopReason stopReason, String output, int turns, int rounds, Usage usage, Optional<Cost> cost,
      Optional<AgentException> error, boolean fatal) {}

  /** Processes {@code input}, then any follow-ups, and says how it ended. */
  public Outcome process(String input) {
    Tally tally = new Tally();
    Outcome outcome = processOne(input, tally);
    while (!outcome.fatal && outcome.stopReason != StopReason.ABORTED && !core.aborted()) {
      String next = core.followUps().poll();
      if (next == null) {
        break;
      }
      outcome = processOne(next, tally);
    }
    return outcome;
  }

  private Outcome processOne(String input, Tally tally) {
    core.history().append(new Turn.UserTurn(input, core.now()));
    core.emit(new AgentEvent.UserInput(core.id(), core.now(), input));
    drainSteering();
    String systemPrompt = systemPrompt();
    int rounds = 0;
    while (true) {
      SessionConfig config = core.config();
      if (config.maxToolRoundsPerInput() > 0 && rounds >= config.maxToolRoundsPerInput()) {
        core.emit(new AgentEvent.TurnLimit(core.id(), core.now(), AgentEvent.TurnLimit.Limit.ROUNDS, rounds));
        return tally.outcome(StopReason.ROUND_LIMIT);
      }
      int turns = core.history().assistantTurns();
      if (config.maxTurns() > 0 && turns >= config.maxTurns()) {
        core.emit(new AgentEvent.TurnLimit(core.id(), core.now(), AgentEvent.TurnLimit.Limit.TURNS, turns));
        return tally.outcome(StopReason.TURN_LIMIT);
      }
      if (core.aborted()) {
        return tally.outcome(StopReason.ABORTED);
      }
      Response response;
      try {
        response = modelCall.call(systemPrompt);
      } catch (LlmException error) {
        return failed(error, tally);
      }
      record(response, tally);
      contextMonitor.check(systemPrompt);
      if (response.toolCalls().isEmpty()) {
        if (response.truncated()) {
          core.emit(new AgentEvent.Warning(core.id(), core.now(), "The model's answer was cut off at the output"
              + " token limit (max_tokens); it is incomplete. Raise maxOutputTokens or ask for a shorter answer."));
          return tally.outcome(StopReason.OUTPUT_TRUNCATED);
        }
        return tally.outcome(StopReason.COMPLETED);
      }
      if (response.truncated()) {
        core.emit(new AgentEvent.Warning(core.id(), core.now(), "The model's output was cut off at the output token"
            + " limit; its last tool call may be incomplete and will be reported back as invalid."));
      }
      rounds++;
      tally.rounds++;
      runTools(response);
      if (core.aborted()) {
        return tally.outcome(StopReason.ABORTED);
      }
      drainSteering();
      detectLoop(config);
      contextMonitor.check(systemPrompt);
    }
  }

  private String systemPrompt() {
    var profile = core.profile();
    String docs = ProjectDocs.discover(core.environment(), core.promptContext().git().root(), profile.projectDocFiles());
    String prompt = profile.buildSystemPrompt(core.promptContext(), docs);
    return SystemPrompt.appendUserInstructions(prompt, core.config().userInstructions());
  }

  private void record(Response response, Tally tally) {
    core.history().append(new Turn.AssistantTurn(response.message(), response.usage(),
        Optional.of(response.id()).filter(id -> !id.isEmpty()), core.now()));
    core.emit(new AgentEvent.AssistantTextEnd(core.id(), core.now(), response.text(), response.reasoning()));
    core.addUsage(response.usage(), response.cost());
    tally.turns++;
    tally.usage = tally.usage.plus(response.usage());
    tally.cost = response.cost().map(c -> tally.cost.map(c::plus).orElse(c)).or(() -> tally.cost);
    tally.output = response.text();
  }

  private void runTools(Response response) {
    Map<String, MediaData> images = new LinkedHashMap<>();
    var executions = toolRound.execute(response.toolCalls());
    for (ToolExecution execution : executions) {
      execution.image().ifPresent(image -> images.put(execution.call().id(),
          MediaData.of(new MediaSource.Inline(image.data()), image.mediaType())));
    }
    core.history().append(new Turn.ToolResultsTurn(executions.stream().map(ToolExecution::result).toList(),
        images, core.now()));
  }

  private void drainSteering() {
    String message;
    while ((message = core.steering().poll()) != null) {
      core.history().append(new Turn.SteeringTurn(message, core.now()));
      core.emit(new AgentEvent.SteeringInjected(core.id(), core.now(), message));
    }
  }

  private void detectLoop(SessionConfig config) {
    if (config.enableLoopDetection() && LoopDetector.detect(core.history().snapshot(), config.loopDetectionWindow())) {
      String warning = LoopDetector.warning(config.loopDetectionWindow());
      core.history().append(new Turn.SteeringTurn(warning, core.now()));
      core.emit(new AgentEvent.LoopDetection(core.id(), core.now(), warning));
    }
  }

  private Outcome failed(LlmException error, Tally tally) {
    if (ModelCall.isAbort(error, core)) {
      return tally.outcome(StopReason.ABORTED);
    }
    String message = describe(error);
    SessionFailedException failure = new SessionFailedException(message, error);
    if (error instanceof ContextLengthException) {
      core.emit(new AgentEvent.Warning(core.id(), core.now(), message));
      return tally.failure(StopReason.CONTEXT_LENGTH, failure, false);
    }
    core.emit(new AgentEvent.Error(core.id(), core.now(), message, Optional.of(error.kind())));
    return tally.failure(StopReason.FAILED, failure, !error.retryable());
  }

  private static String describe(LlmException error) {
    String remedy = error.remedy() == null || error.remedy().isBlank() ? "" : " " + error.remedy();
    return "LLM call failed (" + error.kind() + "): " + error.getMessage() + "." + remedy;
  }

  /** Totals over an input and its follow-ups. */
  private static final class Tally {
    int turns;
    int rounds;
    Usage usage = Usage.empty();
    Optional<Cost> cost = Optional.empty();
    String output = "";

    Outcome outcome(StopReason reason) {
      return new Outcome(reason, output, turns, rounds, usage, cost, Optional.empty(), false);
    }

    Outcome failure(StopReason reason, AgentException error, boolean fatal) {
      return new Outcome(reason, output, turns, rounds, usage, cost, Optional.of(error), fatal);
    }
  }
}
