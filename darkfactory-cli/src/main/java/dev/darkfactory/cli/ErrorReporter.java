package dev.darkfactory.cli;

import dev.darkfactory.pipeline.problem.BackendConfigurationException;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.problem.PipelineSourceException;
import dev.darkfactory.pipeline.problem.ResumeException;
import dev.darkfactory.pipeline.problem.RunDirectoryUnusableException;
import dev.darkfactory.pipeline.problem.ScriptFileException;
import dev.darkfactory.pipeline.problem.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where exceptions become messages and exit codes. Users see what went wrong and
 * what to do, never a stack trace; set {@code FACTORY_DEBUG=1} to get one for a bug report.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final Terminal terminal;

  ErrorReporter(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
    var err = commandLine.getErr();
    String prefix = terminal.colour() ? "\u001b[1;31merror\u001b[0m: " : "error: ";
    int code = switch (exception) {
      case DotSyntaxException e -> ExitCode.USAGE;
      case PipelineSourceException e -> ExitCode.USAGE;
      case ValidationException e -> ExitCode.USAGE;
      case ResumeException e -> ExitCode.USAGE;
      case ScriptFileException e -> ExitCode.USAGE;
      case RunDirectoryUnusableException e -> ExitCode.USAGE;
      case BackendConfigurationException e -> ExitCode.USAGE;
      case PipelineException e -> ExitCode.FAILED;
      case UserException e -> e.exitCode();
      default -> -1;
    };
    if (code >= 0) {
      err.println(prefix + exception.getMessage());
    } else {
      code = ExitCode.FAILED;
      err.println(prefix + "internal error: " + exception
          + "\nThis is a bug in Dark Factory. Run again with FACTORY_DEBUG=1 for the stack trace and report it.");
    }
    if (System.getenv("FACTORY_DEBUG") != null) {
      exception.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
