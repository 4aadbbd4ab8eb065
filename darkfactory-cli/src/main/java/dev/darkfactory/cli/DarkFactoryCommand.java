package dev.darkfactory.cli;

import dev.darkfactory.cli.agent.AgentCommand;
import dev.darkfactory.cli.llm.LlmCommand;
import dev.darkfactory.cli.pipeline.GraphCommand;
import dev.darkfactory.cli.pipeline.ParseCommand;
import dev.darkfactory.cli.pipeline.ResumeCommand;
import dev.darkfactory.cli.pipeline.RunCommand;
import dev.darkfactory.cli.pipeline.ValidateCommand;
import dev.darkfactory.cli.server.ServeCommand;
import dev.darkfactory.cli.twin.TwinCommand;
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
      ParseCommand.class,
      ValidateCommand.class,
      GraphCommand.class,
      ServeCommand.class,
      AgentCommand.class,
      LlmCommand.class,
      TwinCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Run 'factory help COMMAND' for a command's options. Docs: docs/cli.md"})
public final class DarkFactoryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line: output streams, colour, exception-to-exit-code mapping. */
  static CommandLine commandLine(CliContext context) {
    PrintWriter out = context.out();
    PrintWriter err = context.err();
    Terminal terminal = context.terminal();
    CommandLine commandLine = new CommandLine(new DarkFactoryCommand(), new ContextFactory(context));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
        terminal.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    commandLine.setExecutionExceptionHandler(new ErrorReporter(terminal));
    commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return commandLine;
  }

  /** Creates commands, handing a {@link CliContext} to those whose constructor takes one. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
        return withContext.newInstance(context);
      } catch (NoSuchMethodException noContext) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
