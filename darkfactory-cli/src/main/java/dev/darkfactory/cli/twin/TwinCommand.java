package dev.darkfactory.cli.twin;

import dev.darkfactory.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code factory twin}: run digital twins of third-party services. */
@Command(name = "twin", description = "Run a digital twin of a third-party service.", mixinStandardHelpOptions = true,
    subcommands = {TwinLlmCommand.class})
public final class TwinCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
