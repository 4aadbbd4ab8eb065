package dev.darkfactory.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Everything a session does, as it happens (coding-agent-loop-spec §2.9): one variant per {@link
 * EventKind}, plus {@link SubagentEvent}, which wraps a subagent's events (an extension). Every
 * event names its session and time. Delivered synchronously to listeners in emission order, and
 * as a blocking stream by {@link Session#events()}.
 */
public sealed interface AgentEvent {

  EventKind kind();

  String sessionId();

  Instant timestamp();

  /** The session was created. */
  record SessionStart(String sessionId, Instant timestamp, String provider, String model, String workingDirectory)
      implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.SESSION_START;
    }
  }

  /** The session closed; {@code error} says why when it was not a normal close. */
  record SessionEnd(String sessionId, Instant timestamp, SessionState finalState, Optional<String> error)
      implements AgentEvent {
    public SessionEnd {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public EventKind kind() {
      return EventKind.SESSION_END;
    }
  }

  /** Input was submitted (or a follow-up began). */
  record UserInput(String sessionId, Instant timestamp, String content) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.USER_INPUT;
    }
  }

  /** Processing of an input (and its follow-ups) finished. */
  record ProcessingEnd(String sessionId, Instant timestamp, StopReason stopReason, SessionState state)
      implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.PROCESSING_END;
    }
  }

  /** The model began producing text. */
  record AssistantTextStart(String sessionId, Instant timestamp) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.ASSISTANT_TEXT_START;
    }
  }

  /** A piece of the model's text as it streams. */
  record AssistantTextDelta(String sessionId, Instant timestamp, String delta) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.ASSISTANT_TEXT_DELTA;
    }
  }

  /** A model turn finished: its full text and reasoning (emitted after every LLM call, §2.5). */
  record AssistantTextEnd(String sessionId, Instant timestamp, String text, Optional<String> reasoning)
      implements AgentEvent {
    public AssistantTextEnd {
      Objects.requireNonNull(reasoning, "reasoning");
    }

    @Override
    public EventKind kind() {
      return EventKind.ASSISTANT_TEXT_END;
    }
  }

  /** A tool call began; the arguments are included so hosts can show what runs. */
  record ToolCallStart(String sessionId, Instant timestamp, String callId, String toolName, JsonNode arguments)
      implements AgentEvent {
    public ToolCallStart {
      arguments = arguments.deepCopy();
    }

    @Override
    public EventKind kind() {
      return EventKind.TOOL_CALL_START;
    }
  }

  /** Output a running tool produced (the shell streams its output). */
  record ToolCallOutputDelta(String sessionId, Instant timestamp, String callId, String delta) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.TOOL_CALL_OUTPUT_DELTA;
    }
  }

  /**
   * A tool call finished. {@code output} is the FULL untruncated output (the model got a truncated
   * copy, §5.1); when {@code isError}, it is the error message.
   */
  record ToolCallEnd(
      String sessionId, Instant timestamp, String callId, String toolName, String output, boolean isError,
      Duration duration) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.TOOL_CALL_END;
    }

    /** The spec's {@code error} field: the message when the call failed. */
    public Optional<String> error() {
      return isError ? Optional.of(output) : Optional.empty();
    }
  }

  /** A steering message entered the history. */
  record SteeringInjected(String sessionId, Instant timestamp, String content) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.STEERING_INJECTED;
    }
  }

  /** A limit stopped the loop: {@code max_tool_rounds_per_input} (rounds) or {@code max_turns}. */
  record TurnLimit(String sessionId, Instant timestamp, Limit limit, int count) implements AgentEvent {
    /** Which limit was reached. */
    public enum Limit {
      ROUNDS,
      TURNS
    }

    @Override
    public EventKind kind() {
      return EventKind.TURN_LIMIT;
    }
  }

  /** The last tool calls repeat a pattern; the same warning went to the model (§2.10). */
  record LoopDetection(String sessionId, Instant timestamp, String message) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.LOOP_DETECTION;
    }
  }

  /** A non-fatal problem: context usage (§5.5), a truncated response, a retry. */
  record Warning(String sessionId, Instant timestamp, String message) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.WARNING;
    }
  }

  /** An error; {@code errorKind} is the LLM error kind ("authentication", ...) when there is one. */
  record Error(String sessionId, Instant timestamp, String message, Optional<String> errorKind) implements AgentEvent {
    public Error {
      Objects.requireNonNull(errorKind, "errorKind");
    }

    @Override
    public EventKind kind() {
      return EventKind.ERROR;
    }
  }

  /** An event of a subagent this session spawned (§7), as it happens. */
  record SubagentEvent(String sessionId, Instant timestamp, String agentId, AgentEvent event) implements AgentEvent {
    @Override
    public EventKind kind() {
      return EventKind.SUBAGENT_EVENT;
    }
  }
}
