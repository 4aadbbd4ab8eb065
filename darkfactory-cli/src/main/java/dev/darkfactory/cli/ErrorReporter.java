package dev.darkfactory.cli;

import dev.darkfactory.llm.LlmException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where exceptions become messages and exit codes ({@link ExitCode#of}). Users see
 * what went wrong and what to do, never a stack trace; set {@code FACTORY_DEBUG=1} to get one for a
 * bug report. A usage error (an unknown option, a bad value) prints the error and one line pointing
 * to the command's {@code --help}, not the whole help.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final String DEBUG = "FACTORY_DEBUG";

  private final Terminal terminal;
  private final Map<String, String> environment;

  ErrorReporter(Terminal terminal, Map<String, String> environment) {
    this.terminal = terminal;
    this.environment = Map.copyOf(environment);
  }

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(prefix() + exception.getMessage());
    if (exception instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
    err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for its options.");
    err.flush();
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    OptionalInt known = ExitCode.of(exception);
    boolean debug = environment.get(DEBUG) != null && !environment.get(DEBUG).isEmpty();
    if (known.isPresent()) {
      err.println(prefix() + exception.getMessage());
      if (exception instanceof LlmException llm && !llm.remedy().isBlank()) {
        err.println("hint: " + llm.remedy());
      }
    } else {
      err.println(prefix() + "internal error: " + exception + "\nThis is a bug in Dark Factory. "
          + (debug ? "Please report it with the stack trace below." : "Run again with " + DEBUG + "=1 for the stack trace and report it."));
    }
    if (debug) {
      exception.printStackTrace(err);
    }
    err.flush();
    return known.orElse(ExitCode.FAILED);
  }

  private String prefix() {
    return terminal.colour() ? "\u001b[1;31merror\u001b[0m: " : "error: ";
  }
}
