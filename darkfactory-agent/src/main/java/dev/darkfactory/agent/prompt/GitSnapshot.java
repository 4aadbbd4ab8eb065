package dev.darkfactory.agent.prompt;

import dev.darkfactory.agent.AgentException;
import dev.darkfactory.agent.env.CommandRequest;
import dev.darkfactory.agent.env.ExecResult;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The repository's state at session start (coding-agent-loop-spec §6.4): branch, counts of
 * modified and untracked files (not the diff), and recent commit subjects. Taken through the
 * execution environment, so it describes the tree the tools act on.
 */
public record GitSnapshot(
    Optional<String> root, Optional<String> branch, int modified, int untracked, List<String> recentCommits) {

  private static final String SCRIPT = """
      if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        echo "root=$(git rev-parse --show-toplevel 2>/dev/null)"
        echo "branch=$(git rev-parse --abbrev-ref HEAD 2>/dev/null)"
        git status --porcelain 2>/dev/null | awk '{ if ($1 == "??") u++; else m++ } END { printf "modified=%d\\nuntracked=%d\\n", m, u }'
        echo "log:"
        git log --oneline -10 2>/dev/null
      fi
      """;

  public GitSnapshot {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(branch, "branch");
    recentCommits = List.copyOf(recentCommits);
  }

  /** Not a git repository. */
  public static GitSnapshot none() {
    return new GitSnapshot(Optional.empty(), Optional.empty(), 0, 0, List.of());
  }

  public boolean isRepository() {
    return root.isPresent();
  }

  /** Runs git in the environment; a missing git or a failure means "not a repository". */
  public static GitSnapshot capture(ExecutionEnvironment environment) {
    ExecResult result;
    try {
      result = environment.execCommand(CommandRequest.of(SCRIPT, Duration.ofSeconds(5)));
    } catch (AgentException unavailable) {
      return none();
    }
    if (!result.succeeded() || result.stdout().isBlank()) {
      return none();
    }
    return parse(result.stdout());
  }

  static GitSnapshot parse(String output) {
    Optional<String> root = Optional.empty();
    Optional<String> branch = Optional.empty();
    int modified = 0;
    int untracked = 0;
    List<String> commits = new ArrayList<>();
    boolean inLog = false;
    for (String line : output.split("\n")) {
      if (inLog) {
        if (!line.isBlank()) {
          commits.add(line.strip());
        }
      } else if (line.startsWith("root=")) {
        root = Optional.of(line.substring(5)).filter(value -> !value.isBlank());
      } else if (line.startsWith("branch=")) {
        branch = Optional.of(line.substring(7)).filter(value -> !value.isBlank());
      } else if (line.startsWith("modified=")) {
        modified = Integer.parseInt(line.substring(9).strip());
      } else if (line.startsWith("untracked=")) {
        untracked = Integer.parseInt(line.substring(10).strip());
      } else if (line.equals("log:")) {
        inLog = true;
      }
    }
    return new GitSnapshot(root, branch, modified, untracked, commits);
  }

  /** The prompt block; empty outside a repository. */
  public String render() {
    if (!isRepository()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<git_status>\n");
    out.append("Current branch: ").append(branch.orElse("(none)")).append('\n');
    out.append("Status: ").append(modified).append(" modified, ").append(untracked).append(" untracked\n");
    if (!recentCommits.isEmpty()) {
      out.append("Recent commits:\n");
      recentCommits.forEach(commit -> out.append("- ").append(commit).append('\n'));
    }
    return out.append("</git_status>").toString();
  }
}
