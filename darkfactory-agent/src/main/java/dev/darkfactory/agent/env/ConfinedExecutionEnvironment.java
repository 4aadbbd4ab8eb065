package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Keeps file reads, writes, listings, searches and command directories inside the working
 * directory (an extension of coding-agent-loop-spec §4.4; see docs/agent.md "What is isolated").
 *
 * <ul>
 *   <li>Paths are followed as the kernel follows them ({@link RealPaths}): a symbolic link leading
 *       out, also one whose target does not exist yet, is refused, and {@code ~} means the home
 *       directory as it does for the local environment, so it is refused too.
 *   <li>A write to a regular file with more than one hard link is refused: the other name may be
 *       outside, and a link does not say where its other names are. Deleting the name and writing a
 *       new file is allowed (it creates a new file and leaves the other names alone).
 *   <li>A glob's literal leading directories are checked like a path, so {@code link/*} cannot list
 *       a directory outside.
 * </ul>
 *
 * <p>Refusals are {@link EnvironmentException}s with reason {@code OUTSIDE_WORKING_DIRECTORY} or
 * {@code HARD_LINK}, which the tool registry turns into error results for the model.
 *
 * <p>This confines the file tools only: a shell command can still name any path. To confine
 * commands as well, wrap a {@link SandboxedExecutionEnvironment}. A process running at the same time
 * (a command the agent left running) could swap a checked directory for a link between the check
 * and the access; under the sandbox such a process can only do that inside the working directory.
 */
public final class ConfinedExecutionEnvironment extends ForwardingExecutionEnvironment {
  private final Path root;
  private final Supplier<? extends Collection<Path>> alsoAllowed;

  /** Confines {@code delegate} to its working directory. */
  public ConfinedExecutionEnvironment(ExecutionEnvironment delegate) {
    this(delegate, List::of);
  }

  /**
   * Confines {@code delegate} to its working directory and the directories {@code alsoAllowed}
   * names at the time of each access (a pipeline stage's own directory, for example).
   */
  public ConfinedExecutionEnvironment(ExecutionEnvironment delegate, Supplier<? extends Collection<Path>> alsoAllowed) {
    super(delegate);
    this.root = RealPaths.resolve(Path.of(delegate.workingDirectory()).toAbsolutePath().normalize());
    this.alsoAllowed = Objects.requireNonNull(alsoAllowed, "alsoAllowed");
  }

  /**
   * Where {@code path} really leads, resolved against the working directory.
   *
   * @throws EnvironmentException when that is outside every allowed directory
   */
  public Path check(String path) {
    Path candidate = lexical(path);
    Path real = RealPaths.resolve(candidate);
    if (allowed(real)) {
      return real;
    }
    if (allowed(candidate)) {
      throw new EnvironmentException(EnvironmentException.Reason.OUTSIDE_WORKING_DIRECTORY,
          "Access denied: " + path + " leads through a symbolic link to " + real + ", outside the working directory "
              + root + ". Use the files inside the working directory.");
    }
    throw EnvironmentException.outside(path, root.toString());
  }

  /** The path as the local environment reads it: {@code ~} is the home directory, the rest is against the working directory. */
  private Path lexical(String path) {
    if (path == null || path.isBlank()) {
      return root;
    }
    String home = System.getProperty("user.home");
    String expanded = path.equals("~") ? home : path.startsWith("~/") ? home + path.substring(1) : path;
    return root.resolve(expanded).normalize();
  }

  private boolean allowed(Path real) {
    if (real.startsWith(root)) {
      return true;
    }
    for (Path extra : alsoAllowed.get()) {
      if (real.startsWith(RealPaths.resolve(extra.toAbsolutePath().normalize()))) {
        return true;
      }
    }
    return false;
  }

  /** Refuses to write through a second name of a file: its other names may be anywhere. */
  private static void refuseHardLinks(String path, Path real) {
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    int links;
    try {
      links = ((Number) Files.getAttribute(real, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return; // The platform cannot tell (no "unix" attribute view): nothing to refuse on.
    } catch (IOException e) {
      throw new EnvironmentException(EnvironmentException.Reason.IO_ERROR,
          "Cannot write " + path + ": " + e.getMessage(), e);
    }
    if (links > 1) {
      throw new EnvironmentException(EnvironmentException.Reason.HARD_LINK,
          "Refused: cannot write " + path + ": it is a hard link (the file has " + links + " names), so writing it could"
              + " change a file outside the working directory. To replace it, delete it first, then write a new file.");
    }
  }

  @Override
  public String readFile(String path, int offset, int limit) {
    check(path);
    return super.readFile(path, offset, limit);
  }

  @Override
  public byte[] readBytes(String path) {
    check(path);
    return super.readBytes(path);
  }

  @Override
  public void writeFile(String path, String content) {
    refuseHardLinks(path, check(path));
    super.writeFile(path, content);
  }

  @Override
  public void deleteFile(String path) {
    check(path);
    super.deleteFile(path);
  }

  @Override
  public boolean fileExists(String path) {
    check(path);
    return super.fileExists(path);
  }

  @Override
  public List<DirEntry> listDirectory(String path, int depth) {
    check(path);
    return super.listDirectory(path, depth);
  }

  @Override
  public ExecResult execCommand(CommandRequest request) {
    request.workingDirectory().ifPresent(this::check);
    return super.execCommand(request);
  }

  @Override
  public String grep(String pattern, String path, GrepOptions options) {
    check(path);
    return super.grep(pattern, path, options);
  }

  @Override
  public List<String> glob(String pattern, String path) {
    Path base = check(path);
    // The walk starts at the pattern's literal leading directories: check where they lead too.
    String literal = pattern.replaceAll("[*?\\[{].*$", "");
    int slash = literal.lastIndexOf('/');
    if (slash >= 0) {
      String directories = literal.substring(0, slash + 1);
      check(directories.startsWith("/") ? directories : base.resolve(directories).toString());
    }
    return super.glob(pattern, path);
  }
}
