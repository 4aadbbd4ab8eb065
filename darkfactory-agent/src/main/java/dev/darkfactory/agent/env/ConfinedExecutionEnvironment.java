package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses file reads, writes, listings and searches outside the working directory, and commands
 * started elsewhere (an extension of coding-agent-loop-spec §4.4). Symbolic links are resolved
 * before the check, so a link pointing out of the tree does not open a way out.
 *
 * <p>This confines the file tools only: a shell command can still name any path. To confine
 * commands as well, wrap a {@link SandboxedExecutionEnvironment}.
 */
public final class ConfinedExecutionEnvironment extends ForwardingExecutionEnvironment {
  private final Path root;

  public ConfinedExecutionEnvironment(ExecutionEnvironment delegate) {
    super(delegate);
    this.root = realPath(Path.of(delegate.workingDirectory()).toAbsolutePath().normalize());
  }

  /** {@code path} resolved against the working directory, or an error when it leaves it. */
  public Path check(String path) {
    Path candidate = path == null || path.isBlank() ? root : root.resolve(path).normalize();
    Path real = realPath(candidate);
    if (!real.startsWith(root)) {
      throw EnvironmentException.outside(path, root.toString());
    }
    return real;
  }

  /** The real path of the longest existing prefix, with the rest appended. */
  private static Path realPath(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      return path;
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
    check(path);
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
    check(path);
    if (pattern.startsWith("/")) {
      check(pattern.replaceAll("[*?\\[{].*$", ""));
    }
    return super.glob(pattern, path);
  }
}
