package dev.darkfactory.agent.tool;

import java.util.Optional;

/**
 * The subagent operations behind the {@code spawn_agent}, {@code send_input}, {@code wait} and
 * {@code close_agent} tools (coding-agent-loop-spec §7.2), implemented by the session that owns
 * the subagents. Failures (unknown id, depth limit) are {@code ToolException}s.
 */
public interface SubagentControl {

  /** What a spawn asks for (§7.2 {@code spawn_agent} parameters). */
  record SpawnRequest(String task, Optional<String> workingDirectory, Optional<String> model, int maxTurns) {}

  /** A subagent's final result (§7.3 {@code SubAgentResult}). */
  record Result(String agentId, String status, String output, boolean success, int turnsUsed) {}

  /** Starts a subagent on its task; returns its id at once while it runs concurrently. */
  String spawn(SpawnRequest request);

  /** Sends a message: steering while it works, a new input once it is done. */
  String sendInput(String agentId, String message);

  /** Blocks until the subagent finishes its current work and returns its result. */
  Result await(String agentId);

  /** Terminates the subagent; returns its final status. */
  String close(String agentId);
}
