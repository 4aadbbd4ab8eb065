package dev.darkfactory.cli.conformance.check;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One check of the adapter: a subcommand with its arguments, standard input and environment
 * changes, and what its result must show. Cases that look at the mock's request log ask for the
 * log to be cleared first ({@code resetMock}).
 *
 * @param env variables to set for this invocation; an empty value unsets one (as the benchmark does)
 */
public record BenchCase(int tier, String section, String name, List<String> args, Optional<String> stdin, Map<String, String> env,
    boolean resetMock, Check check) {

  public BenchCase {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
    Objects.requireNonNull(stdin, "stdin");
    env = Map.copyOf(env);
    Objects.requireNonNull(check, "check");
  }

  /** How one invocation ended. */
  public record Result(int exitCode, String stdout, String stderr, Duration took) {}

  /** The mock's request log, filtered as checks need it. */
  @FunctionalInterface
  public interface MockLog {
    /** POST requests whose path contains {@code pathPart}. */
    List<JsonNode> posts(String pathPart);
  }

  /** Why the result fails the case, or empty when it passes. */
  @FunctionalInterface
  public interface Check {
    Optional<String> verify(Result result, MockLog log);
  }
}
