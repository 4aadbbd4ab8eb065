package dev.darkfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.report.ProductVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Help reads the same in every command: whole-sentence summaries, one style of value labels, one version (issue 11, items 14, 17). */
class HelpTest {
  private static List<CommandLine> everyCommand() {
    CommandLine root = DarkFactoryCommand.commandLine(new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Terminal.none()));
    List<CommandLine> all = new ArrayList<>();
    List<CommandLine> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      CommandLine next = pending.removeFirst();
      all.add(next);
      pending.addAll(next.getSubcommands().values().stream().filter(c -> !all.contains(c) && !pending.contains(c)).toList());
    }
    return all;
  }

  @Test
  void everyOptionThatTakesAValueShowsALabelInCapitals() {
    for (CommandLine command : everyCommand()) {
      CommandSpec spec = command.getCommandSpec();
      for (OptionSpec option : spec.options()) {
        if (option.arity().max() > 0 && !option.usageHelp() && !option.versionHelp()) {
          assertThat(option.paramLabel()).as("%s %s", spec.qualifiedName(), option.longestName()).doesNotStartWith("<").matches("[A-Z][A-Z0-9_=]*");
        }
      }
      spec.positionalParameters().forEach(parameter -> assertThat(parameter.paramLabel()).as("%s %s", spec.qualifiedName(), parameter.paramLabel())
          .matches("\\[?[A-Z][A-Z0-9_]*\\]?|COMMAND"));
    }
  }

  @Test
  void everySummaryInTheCommandListIsAWholeSentence() {
    for (CommandLine command : everyCommand()) {
      String[] description = command.getCommandSpec().usageMessage().description();
      assertThat(description).as(command.getCommandSpec().qualifiedName()).isNotEmpty();
      assertThat(description[0]).as(command.getCommandSpec().qualifiedName()).endsWith(".").doesNotEndWith(":.");
    }
    CliRun help = CliRun.of("--help");
    String list = help.out().substring(help.out().indexOf("Commands:\n") + "Commands:\n".length());
    list = list.substring(0, list.indexOf("\n\n"));
    assertThat(list).doesNotContain(",\n", ":\n").contains("Show how a run went, from its run directory alone.");
  }

  @Test
  void versionComesFromTheOneVersionTheServerReportsToo() {
    CliRun run = CliRun.of("--version");
    assertThat(run.out()).startsWith("Dark Factory " + ProductVersion.current() + "\n");
    assertThat(ProductVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
