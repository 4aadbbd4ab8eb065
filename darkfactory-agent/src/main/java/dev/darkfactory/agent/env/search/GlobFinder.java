package dev.darkfactory.agent.env.search;

import dev.darkfactory.agent.EnvironmentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code glob} operation (coding-agent-loop-spec §3.3, §4.2): files under a base directory
 * whose relative path matches a shell-style {@link GlobPattern}, newest first (ties by path).
 * Hidden files are included, {@code .git} is never entered, and {@code .gitignore} rules apply
 * inside a repository, so build output and dependencies do not drown the results.
 */
public final class GlobFinder {
  private GlobFinder() {}

  /**
   * @param root the base directory (absolute)
   * @param displayBase results are relative to this directory when inside it, absolute otherwise
   */
  public static List<String> find(String pattern, Path root, Path displayBase) {
    String relativePattern = pattern;
    if (pattern.startsWith("/")) {
      String prefix = root.toString().endsWith("/") ? root.toString() : root + "/";
      if (!pattern.startsWith(prefix)) {
        throw new EnvironmentException(
            EnvironmentException.Reason.INVALID_PATTERN,
            "The absolute glob '" + pattern + "' is not under the search directory " + root
                + ". Pass the directory as path and a relative pattern such as **/*.java.");
      }
      relativePattern = pattern.substring(prefix.length());
    }
    GlobPattern glob = GlobPattern.path(relativePattern);
    // Walk only below the pattern's literal leading directories ("src/main/**/*.java" starts at src/main).
    String prefix = literalPrefix(relativePattern);
    Path start = prefix.isEmpty() ? root : root.resolve(prefix);
    if (!java.nio.file.Files.isDirectory(start)) {
      return List.of();
    }
    List<FileTree.Entry> files;
    try {
      files = FileTree.withHidden().walk(start);
    } catch (IOException e) {
      throw new EnvironmentException(
          EnvironmentException.Reason.IO_ERROR, "Could not list " + root + ": " + e.getMessage(), e);
    }
    String base = prefix.isEmpty() ? "" : prefix + "/";
    return files.stream()
        .filter(entry -> glob.matches(base + entry.relativePath()))
        .sorted(
            Comparator.comparingLong(FileTree.Entry::lastModifiedMillis)
                .reversed()
                .thenComparing(FileTree.Entry::relativePath, FileTree::compareRelativePaths))
        .map(entry -> display(entry.path(), displayBase))
        .toList();
  }

  /** The directories at the start of {@code pattern} that contain no glob syntax. */
  static String literalPrefix(String pattern) {
    String[] parts = pattern.split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].isEmpty() || parts[i].equals(".") || parts[i].equals("..") || parts[i].matches(".*[*?\\[\\]{}\\\\].*")) {
        break;
      }
      if (!prefix.isEmpty()) {
        prefix.append('/');
      }
      prefix.append(parts[i]);
    }
    return prefix.toString();
  }

  private static String display(Path file, Path displayBase) {
    if (file.startsWith(displayBase) && !file.equals(displayBase)) {
      return displayBase.relativize(file).toString().replace('\\', '/');
    }
    return file.toString();
  }
}
