package dev.darkfactory.cli.llm;

import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.llm.Environment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code factory llm}: talk to the configured LLM providers directly. */
@Command(name = "llm", description = "Use the unified LLM client: list models, run a completion.",
    mixinStandardHelpOptions = true, subcommands = {LlmModelsCommand.class, LlmCompleteCommand.class})
public final class LlmCommand implements Callable<Integer> {

  private final Environment environment;

  @Spec
  private CommandSpec spec;

  /** Reads provider keys and base URLs from the process environment. */
  public LlmCommand() {
    this(Environment.system());
  }

  /** Reads them from {@code environment} (tests point it at the twin). */
  public LlmCommand(Environment environment) {
    this.environment = environment;
  }

  Environment environment() {
    return environment;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
