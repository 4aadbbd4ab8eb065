package dev.darkfactory.agent.env;

import java.nio.file.Path;
import java.util.List;

/**
 * What a sandboxed command may touch besides reading the system: the working directory is always
 * writable and {@code /tmp} is a private empty directory.
 *
 * @param allowNetwork whether the command keeps the host's network (off by default)
 * @param writablePaths further directories to mount writable, such as a build cache
 */
public record SandboxPolicy(boolean allowNetwork, List<Path> writablePaths) {
  public SandboxPolicy {
    writablePaths = List.copyOf(writablePaths);
  }

  /** No network, only the working directory writable. */
  public static SandboxPolicy defaults() {
    return new SandboxPolicy(false, List.of());
  }

  public SandboxPolicy withNetwork(boolean value) {
    return new SandboxPolicy(value, writablePaths);
  }

  public SandboxPolicy withWritablePaths(List<Path> value) {
    return new SandboxPolicy(allowNetwork, value);
  }
}
