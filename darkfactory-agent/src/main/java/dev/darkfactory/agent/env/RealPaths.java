package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where a path really leads, the way the kernel would follow it: one component at a time, every
 * symbolic link replaced by its target (also a link whose target does not exist yet, which is how
 * a write "creates" a file outside), {@code ..} applied to the directory reached so far. Components
 * that do not exist are kept as they are: a path that does not exist yet ends where it would be
 * created.
 */
final class RealPaths {
  /** Linux's own limit on links followed in one lookup (ELOOP). */
  private static final int MAX_LINKS = 40;

  private RealPaths() {}

  /**
   * @param path an absolute path
   * @return the absolute path it leads to, free of symbolic links and of {@code .} and {@code ..}
   * @throws EnvironmentException when links form a loop or cannot be read
   */
  static Path resolve(Path path) {
    Path resolved = path.getRoot();
    if (resolved == null) {
      throw new IllegalArgumentException("not an absolute path: " + path);
    }
    Deque<String> pending = new ArrayDeque<>();
    path.forEach(name -> pending.addLast(name.toString()));
    int links = 0;
    while (!pending.isEmpty()) {
      String name = pending.removeFirst();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        resolved = resolved.getParent() == null ? resolved : resolved.getParent();
        continue;
      }
      Path next = resolved.resolve(name);
      if (!Files.isSymbolicLink(next)) {
        resolved = next;
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new EnvironmentException(EnvironmentException.Reason.IO_ERROR,
            "Cannot use " + path + ": too many levels of symbolic links.");
      }
      Path target = readLink(next, path);
      if (target.isAbsolute()) {
        resolved = target.getRoot();
      }
      Deque<String> expanded = new ArrayDeque<>();
      target.forEach(part -> expanded.addLast(part.toString()));
      while (!expanded.isEmpty()) {
        pending.addFirst(expanded.removeLast());
      }
    }
    return resolved;
  }

  private static Path readLink(Path link, Path path) {
    try {
      return Files.readSymbolicLink(link);
    } catch (IOException e) {
      throw new EnvironmentException(EnvironmentException.Reason.IO_ERROR,
          "Cannot use " + path + ": the symbolic link " + link + " cannot be read (" + e.getMessage() + ").", e);
    }
  }
}
