package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import java.nio.file.Path;
import java.util.List;

/**
 * Another environment seen from one of its subdirectories: relative paths, command directories and
 * search roots start there, and search results are given relative to it. Used for subagents
 * scoped to a {@code working_dir} (coding-agent-loop-spec §7.2); the file system stays shared.
 */
public final class ScopedExecutionEnvironment extends ForwardingExecutionEnvironment {
  private final Path root;
  private final String prefix;

  private ScopedExecutionEnvironment(ExecutionEnvironment delegate, Path root, String prefix) {
    super(delegate);
    this.root = root;
    this.prefix = prefix;
  }

  /**
   * @param subdirectory relative to {@code delegate}'s working directory, which it must stay in
   */
  public static ScopedExecutionEnvironment of(ExecutionEnvironment delegate, String subdirectory) {
    Path parent = Path.of(delegate.workingDirectory()).normalize();
    Path root = parent.resolve(subdirectory).normalize();
    if (!root.startsWith(parent)) {
      throw EnvironmentException.outside(subdirectory, parent.toString());
    }
    if (!delegate.fileExists(root.toString())) {
      throw new EnvironmentException(EnvironmentException.Reason.NOT_A_DIRECTORY,
          "The working directory " + subdirectory + " does not exist.");
    }
    String prefix = parent.relativize(root).toString().replace('\\', '/');
    return new ScopedExecutionEnvironment(delegate, root, prefix.isEmpty() ? "" : prefix + "/");
  }

  private String inner(String path) {
    if (path == null || path.isBlank()) {
      return root.toString();
    }
    return root.resolve(path).normalize().toString();
  }

  /** Paths the delegate reports relative to its own directory, made relative to ours. */
  private String outer(String path) {
    return !prefix.isEmpty() && path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  @Override
  public String readFile(String path, int offset, int limit) {
    return super.readFile(inner(path), offset, limit);
  }

  @Override
  public byte[] readBytes(String path) {
    return super.readBytes(inner(path));
  }

  @Override
  public void writeFile(String path, String content) {
    super.writeFile(inner(path), content);
  }

  @Override
  public void deleteFile(String path) {
    super.deleteFile(inner(path));
  }

  @Override
  public boolean fileExists(String path) {
    return super.fileExists(inner(path));
  }

  @Override
  public List<DirEntry> listDirectory(String path, int depth) {
    return super.listDirectory(inner(path), depth);
  }

  @Override
  public ExecResult execCommand(CommandRequest request) {
    String directory = request.workingDirectory().map(this::inner).orElse(root.toString());
    return super.execCommand(request.withWorkingDirectory(java.util.Optional.of(directory)));
  }

  @Override
  public String grep(String pattern, String path, GrepOptions options) {
    String result = super.grep(pattern, inner(path), options);
    return prefix.isEmpty() ? result : result.lines().map(this::outer).reduce((a, b) -> a + "\n" + b).orElse(result);
  }

  @Override
  public List<String> glob(String pattern, String path) {
    return super.glob(pattern, inner(path)).stream().map(this::outer).toList();
  }

  @Override
  public String workingDirectory() {
    return root.toString();
  }
}
