package dev.darkfactory.agent.env;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A process for {@link ProcessGroupRunner} to start.
 *
 * @param argv the program and its arguments
 * @param directory the working directory
 * @param environment variables set on top of those the runner's policy inherits (never filtered)
 * @param timeout when to terminate the process group
 * @param outputListener told about output as it arrives
 */
public record ProcessSpec(
    List<String> argv,
    Path directory,
    Map<String, String> environment,
    Duration timeout,
    OutputListener outputListener) {

  public ProcessSpec {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv is empty");
    }
    Objects.requireNonNull(directory, "directory");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    Objects.requireNonNull(outputListener, "outputListener");
  }

  /** {@code /bin/bash -c command} in {@code directory} (§4.2: the platform's default shell). */
  public static ProcessSpec shell(String command, Path directory, Duration timeout) {
    return new ProcessSpec(
        List.of("/bin/bash", "-c", command), directory, Map.of(), timeout, OutputListener.NONE);
  }

  public ProcessSpec withEnvironment(Map<String, String> value) {
    return new ProcessSpec(argv, directory, value, timeout, outputListener);
  }

  public ProcessSpec withOutputListener(OutputListener value) {
    return new ProcessSpec(argv, directory, environment, timeout, value);
  }
}
