package dev.darkfactory.agent;

import dev.darkfactory.agent.internal.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an event, in the spec's {@code SessionEvent} shape (coding-agent-loop-spec §2.9):
 * {@code {"type", "timestamp", "session_id", "data": {...}}}. Used for NDJSON output and logs.
 */
public final class AgentEventJson {
  private AgentEventJson() {}

  public static ObjectNode toJson(AgentEvent event) {
    ObjectNode json = Json.object();
    json.put("type", event.kind().wireName());
    json.put("timestamp", event.timestamp().toString());
    json.put("session_id", event.sessionId());
    ObjectNode data = json.putObject("data");
    switch (event) {
      case AgentEvent.SessionStart e ->
          data.put("provider", e.provider()).put("model", e.model()).put("working_directory", e.workingDirectory());
      case AgentEvent.SessionEnd e -> {
        data.put("state", e.finalState().wireName());
        e.error().ifPresent(error -> data.put("error", error));
      }
      case AgentEvent.UserInput e -> data.put("content", e.content());
      case AgentEvent.ProcessingEnd e ->
          data.put("stop_reason", e.stopReason().wireName()).put("state", e.state().wireName());
      case AgentEvent.AssistantTextStart e -> {
        // no data
      }
      case AgentEvent.AssistantTextDelta e -> data.put("delta", e.delta());
      case AgentEvent.AssistantTextEnd e -> {
        data.put("text", e.text());
        e.reasoning().ifPresent(reasoning -> data.put("reasoning", reasoning));
      }
      case AgentEvent.ToolCallStart e ->
          data.put("call_id", e.callId()).put("tool_name", e.toolName()).set("arguments", e.arguments());
      case AgentEvent.ToolCallOutputDelta e -> data.put("call_id", e.callId()).put("delta", e.delta());
      case AgentEvent.ToolCallEnd e -> {
        data.put("call_id", e.callId()).put("tool_name", e.toolName());
        data.put(e.isError() ? "error" : "output", e.output());
        data.put("duration_ms", e.duration().toMillis());
      }
      case AgentEvent.SteeringInjected e -> data.put("content", e.content());
      case AgentEvent.TurnLimit e -> {
        if (e.limit() == AgentEvent.TurnLimit.Limit.ROUNDS) {
          data.put("round", e.count());
        } else {
          data.put("total_turns", e.count());
        }
      }
      case AgentEvent.LoopDetection e -> data.put("message", e.message());
      case AgentEvent.Warning e -> data.put("message", e.message());
      case AgentEvent.Error e -> {
        data.put("message", e.message());
        e.errorKind().ifPresent(kind -> data.put("error_kind", kind));
      }
      case AgentEvent.SubagentEvent e -> data.put("agent_id", e.agentId()).set("event", toJson(e.event()));
    }
    return json;
  }

  /** One line of NDJSON. */
  public static String toLine(AgentEvent event) {
    return Json.write(toJson(event));
  }
}
