package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;

/**
 * Refuses file writes and deletions (coding-agent-loop-spec §4.4). Commands still run: analysing a
 * shell command for write intent cannot be done reliably, so for a read-only agent that must not
 * change anything through the shell either, combine this with a {@link
 * SandboxedExecutionEnvironment} whose working directory is mounted read-only.
 */
public final class ReadOnlyExecutionEnvironment extends ForwardingExecutionEnvironment {

  public ReadOnlyExecutionEnvironment(ExecutionEnvironment delegate) {
    super(delegate);
  }

  @Override
  public void writeFile(String path, String content) {
    throw EnvironmentException.readOnly("write " + path);
  }

  @Override
  public void deleteFile(String path) {
    throw EnvironmentException.readOnly("delete " + path);
  }
}
