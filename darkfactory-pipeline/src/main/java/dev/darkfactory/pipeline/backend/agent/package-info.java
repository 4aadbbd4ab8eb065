/**
 * The agent-backed {@code CodergenBackend} (attractor-spec.md 1.4, 4.5): each LLM stage is a
 * coding-agent session (coding-agent-loop-spec) working in the run's directory. This package is the
 * only part of the pipeline module that uses the agent module; the engine never sees it.
 *
 * <ul>
 *   <li>{@link dev.darkfactory.pipeline.backend.agent.AgentBackend}: the backend and its builder.
 *   <li>{@code ModelChoice}: provider, model and reasoning effort from the node (after the model
 *       stylesheet) and the defaults.
 *   <li>{@code SessionPool}: sessions kept by thread key for {@code full} fidelity (5.4).
 *   <li>{@link dev.darkfactory.pipeline.backend.agent.Preambles}: what a fresh session is told
 *       about the run so far, per fidelity mode.
 *   <li>{@code ReportOutcomeTool}, {@code ShellToolHooks}, {@code StageWatchdog}: the status-file
 *       contract as a tool (Appendix C), {@code tool_hooks.pre/post} (9.7), the stall watchdog and
 *       the node timeout, and delivery of a manager's {@code steer.md} (4.11).
 * </ul>
 */
package dev.darkfactory.pipeline.backend.agent;
