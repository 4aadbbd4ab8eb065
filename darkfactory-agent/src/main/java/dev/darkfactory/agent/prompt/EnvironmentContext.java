package dev.darkfactory.agent.prompt;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The runtime facts every system prompt carries (coding-agent-loop-spec §6.3). */
public record EnvironmentContext(
    String workingDirectory,
    GitSnapshot git,
    String platform,
    String osVersion,
    LocalDate date,
    String model,
    Optional<String> knowledgeCutoff) {

  public EnvironmentContext {
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(git, "git");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(knowledgeCutoff, "knowledgeCutoff");
  }

  /** The {@code <environment>} block of §6.3, line for line. */
  public String render() {
    StringBuilder out = new StringBuilder("<environment>\n");
    out.append("Working directory: ").append(workingDirectory).append('\n');
    out.append("Is git repository: ").append(git.isRepository()).append('\n');
    git.branch().ifPresent(branch -> out.append("Git branch: ").append(branch).append('\n'));
    out.append("Platform: ").append(platform).append('\n');
    out.append("OS version: ").append(osVersion).append('\n');
    out.append("Today's date: ").append(date).append('\n');
    out.append("Model: ").append(model).append('\n');
    out.append("Knowledge cutoff: ").append(knowledgeCutoff.orElse("unknown")).append('\n');
    return out.append("</environment>").toString();
  }
}
