/** Subagents (coding-agent-loop-spec §7): child sessions sharing the environment, run concurrently. */
package dev.darkfactory.agent.subagent;
