/**
 * The engine behind {@link dev.darkfactory.agent.Session}: the agentic loop of
 * coding-agent-loop-spec §2.5, history, model calls, tool rounds, loop detection, events. Hosts use
 * {@code Session}, not these classes.
 */
package dev.darkfactory.agent.loop;
