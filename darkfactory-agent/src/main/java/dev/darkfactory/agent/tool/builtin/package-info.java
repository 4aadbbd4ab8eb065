/** The built-in tools of the three provider profiles (coding-agent-loop-spec §3.3-3.6, §7.2), one class each. */
package dev.darkfactory.agent.tool.builtin;
