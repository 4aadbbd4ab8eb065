package dev.darkfactory.cli;

import dev.darkfactory.llm.ConfigurationException;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.pipeline.problem.BackendConfigurationException;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.InvalidValueException;
import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.problem.PipelineSourceException;
import dev.darkfactory.pipeline.problem.ResumeException;
import dev.darkfactory.pipeline.problem.RunDirectoryUnusableException;
import dev.darkfactory.pipeline.problem.ScriptFileException;
import dev.darkfactory.pipeline.problem.ValidationException;
import java.util.OptionalInt;

/**
 * Exit codes shared by every command, and the one table that maps failures to them (docs/cli.md,
 * "Exit status"). A command returns {@link #OK} or {@link #FAILED} for the answer it found; a
 * failure thrown out of a command gets its code from {@link #of}.
 */
public final class ExitCode {
  /** The command did what was asked and found no errors. */
  public static final int OK = 0;
  /** The command ran, and the answer is negative: validation errors, a failed or stopped run, a provider that failed. */
  public static final int FAILED = 1;
  /** The command could not run as asked: bad usage, an unreadable or invalid input, a missing setup the user must provide. */
  public static final int USAGE = 2;
  /**
   * {@code run} and {@code resume}: the run reached its exit, which the spec calls a success, but
   * passed over stages that failed (status {@code success_with_failures}).
   */
  public static final int SUCCESS_WITH_FAILURES = 3;

  private ExitCode() {}

  /**
   * The exit code of a failure the user can act on: {@link #USAGE} for what they asked wrongly or
   * have not set up (an invalid input, no provider configured), {@link #FAILED} for what went wrong
   * while doing it (a provider error, a run's storage). Empty for anything else: a bug.
   */
  public static OptionalInt of(Exception failure) {
    return switch (failure) {
      case DotSyntaxException e -> OptionalInt.of(USAGE);
      case PipelineSourceException e -> OptionalInt.of(USAGE);
      case ValidationException e -> OptionalInt.of(USAGE);
      case ResumeException e -> OptionalInt.of(USAGE);
      case ScriptFileException e -> OptionalInt.of(USAGE);
      case RunDirectoryUnusableException e -> OptionalInt.of(USAGE);
      case BackendConfigurationException e -> OptionalInt.of(USAGE);
      case InvalidValueException e -> OptionalInt.of(USAGE);
      case PipelineException e -> OptionalInt.of(FAILED);
      case ConfigurationException e -> OptionalInt.of(USAGE);
      case LlmException e -> OptionalInt.of(FAILED);
      case UserException e -> OptionalInt.of(e.exitCode());
      default -> OptionalInt.empty();
    };
  }
}
