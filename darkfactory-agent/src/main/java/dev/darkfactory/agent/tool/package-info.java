/**
 * Tools and their execution pipeline (coding-agent-loop-spec §3.8): {@link
 * dev.darkfactory.agent.tool.Tool}, {@link dev.darkfactory.agent.tool.ToolRegistry}, argument
 * validation, hooks, and output truncation (§5).
 */
package dev.darkfactory.agent.tool;
