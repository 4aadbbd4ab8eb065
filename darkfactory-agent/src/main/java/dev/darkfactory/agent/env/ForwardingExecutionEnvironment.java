package dev.darkfactory.agent.env;

import java.util.List;
import java.util.Objects;

/**
 * Passes every operation to another environment; decorators override what they change
 * (coding-agent-loop-spec §4.4 "Composing Environments").
 */
public abstract class ForwardingExecutionEnvironment implements ExecutionEnvironment {
  private final ExecutionEnvironment delegate;

  protected ForwardingExecutionEnvironment(ExecutionEnvironment delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The wrapped environment. */
  public ExecutionEnvironment delegate() {
    return delegate;
  }

  @Override
  public String readFile(String path, int offset, int limit) {
    return delegate.readFile(path, offset, limit);
  }

  @Override
  public byte[] readBytes(String path) {
    return delegate.readBytes(path);
  }

  @Override
  public void writeFile(String path, String content) {
    delegate.writeFile(path, content);
  }

  @Override
  public void deleteFile(String path) {
    delegate.deleteFile(path);
  }

  @Override
  public boolean fileExists(String path) {
    return delegate.fileExists(path);
  }

  @Override
  public List<DirEntry> listDirectory(String path, int depth) {
    return delegate.listDirectory(path, depth);
  }

  @Override
  public ExecResult execCommand(CommandRequest request) {
    return delegate.execCommand(request);
  }

  @Override
  public String grep(String pattern, String path, GrepOptions options) {
    return delegate.grep(pattern, path, options);
  }

  @Override
  public List<String> glob(String pattern, String path) {
    return delegate.glob(pattern, path);
  }

  @Override
  public void initialize() {
    delegate.initialize();
  }

  @Override
  public void cleanup() {
    delegate.cleanup();
  }

  @Override
  public String workingDirectory() {
    return delegate.workingDirectory();
  }

  @Override
  public String platform() {
    return delegate.platform();
  }

  @Override
  public String osVersion() {
    return delegate.osVersion();
  }
}
