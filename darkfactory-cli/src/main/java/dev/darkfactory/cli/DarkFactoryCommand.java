package dev.darkfactory.cli;

import dev.darkfactory.cli.agent.AgentCommand;
import dev.darkfactory.cli.doctor.DoctorCommand;
import dev.darkfactory.cli.llm.LlmCommand;
import dev.darkfactory.cli.pipeline.GraphCommand;
import dev.darkfactory.cli.pipeline.ParseCommand;
import dev.darkfactory.cli.pipeline.ResumeCommand;
import dev.darkfactory.cli.pipeline.StatusCommand;
import dev.darkfactory.cli.pipeline.RunCommand;
import dev.darkfactory.cli.pipeline.ValidateCommand;
import dev.darkfactory.cli.server.ServeCommand;
import dev.darkfactory.cli.twin.TwinCommand;
import dev.darkfactory.llm.Environment;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code factory} command: lists the subcommands. */
@Command(
    name = "factory",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Dark Factory: run Attractor pipelines (DOT graphs of AI agent stages) on your repository.",
    subcommands = {
      RunCommand.class,
      ResumeCommand.class,
      StatusCommand.class,
      ParseCommand.class,
      ValidateCommand.class,
      GraphCommand.class,
      ServeCommand.class,
      AgentCommand.class,
      DoctorCommand.class,
      LlmCommand.class,
      TwinCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Exit status: 0 done; 1 the answer is negative (a failed or stopped run,",
      "validate found errors); 2 a usage error or an input to fix (docs/cli.md).",
      "Run 'factory help COMMAND' for a command's options. Docs: docs/cli.md"})
public final class DarkFactoryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line: output streams, colour, exception-to-exit-code mapping, usage errors. */
  static CommandLine commandLine(CliContext context) {
    return commandLine(context, Environment.system());
  }

  /**
   * {@link #commandLine(CliContext)} whose commands read provider keys and base URLs from {@code
   * environment} instead of the process's (tests point them at the LLM twin).
   */
  static CommandLine commandLine(CliContext context, Environment environment) {
    PrintWriter out = context.out();
    PrintWriter err = context.err();
    Terminal terminal = context.terminal();
    CommandLine commandLine = new CommandLine(new DarkFactoryCommand(), new ContextFactory(context, environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
        terminal.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    ErrorReporter reporter = new ErrorReporter(terminal, environment.variables());
    commandLine.setExecutionExceptionHandler(reporter);
    commandLine.setParameterExceptionHandler(reporter);
    commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return commandLine;
  }

  /**
   * Creates commands, handing a {@link CliContext} (and the {@link Environment}, to those that read
   * provider settings) to those whose constructor takes them.
   */
  private record ContextFactory(CliContext context, Environment environment) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> withEnvironment = type.getDeclaredConstructor(CliContext.class, Environment.class);
        return withEnvironment.newInstance(context, environment);
      } catch (NoSuchMethodException noEnvironment) {
        // Most commands need no provider settings.
      }
      try {
        Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
        return withContext.newInstance(context);
      } catch (NoSuchMethodException noContext) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
