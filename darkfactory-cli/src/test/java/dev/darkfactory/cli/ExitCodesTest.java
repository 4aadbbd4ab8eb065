package dev.darkfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit statuses of docs/cli.md, command by command: the same mistake exits the same way
 * everywhere (issue 11, item 16). {@code serve}'s normal stop is in {@code ServeSignalTest}.
 */
class ExitCodesTest {
  @TempDir Path temp;

  private static final Environment NO_PROVIDER = Environment.of(Map.of());

  @Test
  void resumeAndStatusOfAFileThatIsNoRunDirectoryBothExitTwo() throws IOException {
    Path file = Files.writeString(temp.resolve("pipeline.dot"), "digraph G {}");
    for (String command : new String[] {"resume", "status"}) {
      CliRun run = CliRun.in(NO_PROVIDER, command, file.toString());
      assertThat(run.exitCode()).as(command + "\n" + run).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains(file + " is a file, not a run directory: pass the --logs-root of a run");
    }
  }

  @Test
  void resumeAndStatusOfADirectoryWithoutARunBothExitTwo() {
    for (String command : new String[] {"resume", "status"}) {
      CliRun run = CliRun.in(NO_PROVIDER, command, temp.toString());
      assertThat(run.exitCode()).as(command + "\n" + run).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains("there is no run in " + temp + " (no manifest.json)");
    }
  }

  @Test
  void noProviderIsAUsageErrorForAgentAndForLlmComplete() {
    CliRun agent = CliRun.in(NO_PROVIDER, "agent", "say hello");
    assertThat(agent.exitCode()).as(agent.toString()).isEqualTo(ExitCode.USAGE);
    CliRun complete = CliRun.in(NO_PROVIDER, "llm", "complete", "--model", "gpt-5.2", "hi");
    assertThat(complete.exitCode()).as(complete.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(complete.err()).contains("No LLM provider is configured", "hint: Set OPENAI_API_KEY");
    CliRun run = CliRun.in(NO_PROVIDER, "run", Path.of("..", "examples", "quickstart.dot").toString(), "--backend", "agent",
        "--logs-root", temp.resolve("run").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void modelsOfAnUnknownProviderAreAUsageErrorNotAnEmptyTable() {
    CliRun run = CliRun.in(NO_PROVIDER, "llm", "models", "--provider", "nosuch");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).doesNotContain("MODEL");
    assertThat(run.err()).contains("no models of provider 'nosuch' are known", "anthropic, gemini, openai");
    CliRun known = CliRun.in(NO_PROVIDER, "llm", "models", "--provider", "anthropic");
    assertThat(known.exitCode()).isZero();
    assertThat(known.out()).contains("MODEL", "anthropic");
  }

  @Test
  void anInvalidPipelineExitsTwoForRunAndOneForValidate() throws IOException {
    Path dot = Files.writeString(temp.resolve("bad.dot"), "digraph B { work [prompt=\"w\"] }");
    assertThat(CliRun.in(NO_PROVIDER, "run", dot.toString(), "--logs-root", temp.resolve("r").toString()).exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRun.in(NO_PROVIDER, "validate", dot.toString()).exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(CliRun.in(NO_PROVIDER, "validate", temp.resolve("missing.dot").toString()).exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
