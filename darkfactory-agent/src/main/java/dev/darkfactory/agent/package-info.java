/**
 * The coding agent loop (coding-agent-loop-spec.md): the public API. A {@link
 * dev.darkfactory.agent.Session} runs a model and its tools in an execution environment under the
 * host's control; {@link dev.darkfactory.agent.SessionConfig} sets its limits; {@link
 * dev.darkfactory.agent.AgentEvent}s report what it does; {@link dev.darkfactory.agent.Turn}s make
 * its history; {@link dev.darkfactory.agent.AgentException} is the root of its failures.
 *
 * <p>This package is the facade: it uses the sub-packages, and they use its value types (events,
 * turns, exceptions). Among the sub-packages dependencies run one way: {@code env} and {@code
 * edit} at the bottom, then {@code tool}, {@code prompt}, {@code profile}, {@code loop} and {@code
 * subagent} (see ArchitectureTest).
 */
package dev.darkfactory.agent;
