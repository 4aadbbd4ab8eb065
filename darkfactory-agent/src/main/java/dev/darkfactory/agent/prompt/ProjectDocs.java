package dev.darkfactory.agent.prompt;

import dev.darkfactory.agent.AgentException;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Project instruction files (coding-agent-loop-spec §6.5): from the git root (or the working
 * directory outside a repository) down to the working directory, each directory's recognized files
 * in order, so deeper files come later and take precedence. The profile decides which names count
 * ({@code AGENTS.md} always). The total is held to 32 KB with the spec's marker.
 */
public final class ProjectDocs {
  /** The spec's budget, in bytes of UTF-8. */
  public static final int BUDGET_BYTES = 32 * 1024;
  /** The spec's marker. */
  public static final String TRUNCATION_MARKER = "[Project instructions truncated at 32KB]";

  private ProjectDocs() {}

  /** The combined instructions, or empty text when there are none. */
  public static String discover(ExecutionEnvironment environment, Optional<String> gitRoot, List<String> fileNames) {
    Path workingDirectory = Path.of(environment.workingDirectory());
    Path root = gitRoot.map(Path::of).filter(workingDirectory::startsWith).orElse(workingDirectory);
    StringBuilder out = new StringBuilder();
    for (Path dir : chain(root, workingDirectory)) {
      for (String name : fileNames) {
        Path file = dir.resolve(name);
        String path = file.toString();
        try {
          if (!environment.fileExists(path)) {
            continue;
          }
          String content = environment.readFile(path);
          if (!out.isEmpty()) {
            out.append("\n\n");
          }
          out.append("## ").append(root.relativize(file)).append("\n\n").append(content.strip());
        } catch (AgentException unreadable) {
          // An unreadable instruction file is skipped; the agent can still read it with its tools.
        }
      }
    }
    return limit(out.toString());
  }

  /** Directories from {@code root} down to {@code leaf}, both included. */
  private static List<Path> chain(Path root, Path leaf) {
    List<Path> dirs = new ArrayList<>();
    for (Path dir = leaf; dir != null && dir.startsWith(root); dir = dir.getParent()) {
      dirs.addFirst(dir);
    }
    return dirs;
  }

  static String limit(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= BUDGET_BYTES) {
      return text;
    }
    int end = BUDGET_BYTES;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--; // do not cut a multi-byte character
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8) + "\n" + TRUNCATION_MARKER;
  }
}
