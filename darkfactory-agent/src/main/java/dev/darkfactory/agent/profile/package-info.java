/** Provider-aligned profiles (coding-agent-loop-spec §3): tools, instructions and options per model family. */
package dev.darkfactory.agent.profile;
