package dev.darkfactory.agent.env;

import java.nio.file.Path;
import java.util.List;

/**
 * What a sandboxed command may touch besides what every sandbox gets (the system directories and
 * the needed {@code /etc} entries read-only, the working directory read-write with its {@code .git}
 * read-only, a private {@code /tmp} and home; see {@link SandboxedExecutionEnvironment}).
 *
 * @param allowNetwork whether the command keeps the host's network (off by default)
 * @param writablePaths further directories to mount read-write, such as a build cache
 * @param readablePaths further files or directories to mount read-only, such as a toolchain under
 *     {@code /opt} or a dependency cache
 */
public record SandboxPolicy(boolean allowNetwork, List<Path> writablePaths, List<Path> readablePaths) {
  public SandboxPolicy {
    writablePaths = List.copyOf(writablePaths);
    readablePaths = List.copyOf(readablePaths);
  }

  /** No network, only the working directory writable, nothing more readable. */
  public static SandboxPolicy defaults() {
    return new SandboxPolicy(false, List.of(), List.of());
  }

  public SandboxPolicy withNetwork(boolean value) {
    return new SandboxPolicy(value, writablePaths, readablePaths);
  }

  public SandboxPolicy withWritablePaths(List<Path> value) {
    return new SandboxPolicy(allowNetwork, value, readablePaths);
  }

  public SandboxPolicy withReadablePaths(List<Path> value) {
    return new SandboxPolicy(allowNetwork, writablePaths, value);
  }
}
