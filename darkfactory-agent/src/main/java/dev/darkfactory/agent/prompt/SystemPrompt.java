package dev.darkfactory.agent.prompt;

import dev.darkfactory.llm.ToolDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the layered system prompt of coding-agent-loop-spec §6.1: provider base instructions,
 * environment context (with the git snapshot), tool descriptions, project instructions, and the
 * user's instructions last, where they take precedence.
 */
public final class SystemPrompt {
  private SystemPrompt() {}

  public static String build(
      String baseInstructions,
      EnvironmentContext environment,
      List<ToolDefinition> tools,
      String projectDocs,
      Optional<String> userInstructions) {
    return appendUserInstructions(layers(baseInstructions, environment, tools, projectDocs), userInstructions);
  }

  /** Layer 5: the user's instructions, appended last so they take precedence (§6.1). */
  public static String appendUserInstructions(String prompt, Optional<String> userInstructions) {
    if (userInstructions.isEmpty() || userInstructions.get().isBlank()) {
      return prompt;
    }
    return prompt + "\n\n# User instructions\n\nThese take precedence over everything above.\n\n"
        + userInstructions.get().strip();
  }

  private static String layers(
      String baseInstructions, EnvironmentContext environment, List<ToolDefinition> tools, String projectDocs) {
    StringBuilder out = new StringBuilder(baseInstructions.strip());
    out.append("\n\n").append(environment.render());
    String git = environment.git().render();
    if (!git.isEmpty()) {
      out.append('\n').append(git);
    }
    out.append("\n\n# Tools\n\nYou can call these tools:\n");
    for (ToolDefinition tool : tools) {
      out.append("- ").append(tool.name()).append(": ").append(firstSentence(tool.description())).append('\n');
    }
    if (!projectDocs.isBlank()) {
      out.append("\n# Project instructions\n\nThese files come from the repository. Follow them; deeper files"
          + " take precedence over shallower ones.\n\n").append(projectDocs.strip()).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String firstSentence(String description) {
    int end = description.indexOf(". ");
    return end < 0 ? description.strip() : description.substring(0, end + 1);
  }
}
