package dev.darkfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: factory").contains("parse").contains("graph").contains("generate-completion");
  }

  @Test
  void noArgumentsPrintsUsage() {
    CliRun run = CliRun.of();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: factory");
  }

  @Test
  void versionNamesTheProductAndJava() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Dark Factory ").contains("Java ");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = CliRun.of("frobnicate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument").contains("frobnicate");
  }

  @Test
  void completionScriptIsGenerated() {
    CliRun run = CliRun.of("generate-completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F").contains("factory");
  }
}
