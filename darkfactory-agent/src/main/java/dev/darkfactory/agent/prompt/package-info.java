/** System prompt layers (coding-agent-loop-spec §6): environment context, git snapshot, project instruction files. */
package dev.darkfactory.agent.prompt;
