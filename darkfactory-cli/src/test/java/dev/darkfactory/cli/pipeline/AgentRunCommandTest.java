package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.cli.TwinCli;
import dev.darkfactory.pipeline.state.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code factory run} and {@code resume} on the agent backend, against the LLM twin. */
class AgentRunCommandTest {
  @TempDir Path temp;
  TwinCli cli;
  Path repo;
  Path dot;

  static final String PIPELINE = """
      digraph Work {
        graph [goal="Write notes"]
        start [shape=Mdiamond]
        first [prompt="Write NOTES.md"]
        second [prompt="Review NOTES.md"]
        done [shape=Msquare]
        start -> first -> second -> done
      }
      """;

  @BeforeEach
  void setUp() throws Exception {
    cli = new TwinCli();
    repo = Files.createDirectories(temp.resolve("repo"));
    dot = temp.resolve("work.dot");
    Files.writeString(dot, PIPELINE);
  }

  @AfterEach
  void tearDown() {
    cli.close();
  }

  private String root() {
    return temp.resolve("run").toString();
  }

  @Test
  void withAProviderKeyTheAgentBackendRunsAndShowsTokensAndCost() throws Exception {
    cli.calls("write_file", "{'file_path':'NOTES.md','content':'notes'}").says("Wrote it.").says("Looks fine.");
    CliRun run = cli.run("run", dot.toString(), "--logs-root", root(), "--workdir", repo.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(repo.resolve("NOTES.md"))).isEqualTo("notes");
    assertThat(run.out()).contains("agent backend: anthropic in " + repo, "write_file NOTES.md", "+ first  success",
        "2.2k tok, $0.0090 (run $0.0090)", "+ second  success", "1.1k tok, $0.0045 (run $0.0135)",
        "spent 3,300 tokens (3,000 in, 300 out), $0.0135 over 3 LLM calls");
    assertThat(run.out()).doesNotContain("simulating");
  }

  @Test
  void jsonSummaryCarriesTheUsagePerNodeAndInTotal() {
    cli.says("one").says("two");
    CliRun run = cli.run("run", dot.toString(), "--logs-root", root(), "--workdir", repo.toString(), "--json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = JsonValues.parse(run.out());
    assertThat(json.at("/usage/total/total_tokens").asLong()).isEqualTo(2200);
    assertThat(json.at("/usage/nodes/first/llm_calls").asInt()).isEqualTo(1);
    assertThat(json.at("/usage/total/cost_usd").decimalValue()).isEqualByComparingTo("0.0090");
  }

  @Test
  void aBudgetFromTheCommandLineStopsTheRunAndAResumeWithAHigherOneFinishesIt() {
    cli.says("first done");
    CliRun stopped = cli.run("run", dot.toString(), "--logs-root", root(), "--workdir", repo.toString(), "--max-tokens", "1000");
    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
    assertThat(stopped.out()).contains("budget: 1,000 tokens", "stopped: the run's token budget is used up: 1,100 of 1,000 tokens",
        "resume with: factory resume " + root());
    assertThat(cli.twin.requests("/v1/messages")).hasSize(1);

    CliRun again = cli.run("resume", root());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).contains("token budget is used up");
    assertThat(cli.twin.requests("/v1/messages")).hasSize(1);

    cli.says("second done");
    CliRun resumed = cli.run("resume", root(), "--max-tokens", "5000");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.out()).contains("Resuming Work", "+ second  success", "spent 2,200 tokens");
    assertThat(resumed.out()).doesNotContain("+ first");
    assertThat(cli.twin.requests("/v1/messages")).hasSize(2);
  }

  @Test
  void theWallClockBudgetStopsTheRunResumably() throws Exception {
    cli.calls("shell", "{'command':'sleep 5','timeout_ms':20000}").says("never");
    CliRun run = cli.run("run", dot.toString(), "--logs-root", root(), "--workdir", repo.toString(), "--timeout", "500ms", "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = JsonValues.parse(run.out());
    assertThat(json.get("status").asString()).isEqualTo("stopped");
    assertThat(json.at("/stop_reason/code").asString()).isEqualTo("timeout");
    assertThat(json.at("/stop_reason/message").asString()).contains("--timeout 0.5s");
  }

  @Test
  void askingForTheAgentWithoutAProviderIsAUsageError() {
    CliRun run = dev.darkfactory.cli.CliRun.of("run", dot.toString(), "--logs-root", root(), "--backend", "agent");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("needs an LLM provider", "--backend simulation", "factory doctor");
  }

  @Test
  void backendSimulationIgnoresConfiguredProviders() {
    CliRun run = cli.run("run", dot.toString(), "--logs-root", root(), "--backend", "simulation");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(cli.twin.requestCount()).isZero();
  }

  @Test
  void conflictingOrIncompleteBackendOptionsAreUsageErrors() throws Exception {
    CliRun noFile = cli.run("run", dot.toString(), "--logs-root", root(), "--backend", "scripted");
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noFile.err()).contains("--backend scripted needs --scripted FILE");
    Path script = temp.resolve("s.json");
    Files.writeString(script, "{\"nodes\": {}}");
    CliRun both = cli.run("run", dot.toString(), "--logs-root", root(), "--backend", "agent", "--scripted", script.toString());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--scripted FILE goes with --backend scripted");
    CliRun unknownProvider = cli.run("run", dot.toString(), "--logs-root", root(), "--provider", "openai");
    assertThat(unknownProvider.exitCode()).isEqualTo(2);
    assertThat(unknownProvider.err()).contains("provider 'openai' is not configured (configured: anthropic)");
    assertThat(cli.twin.requestCount()).isZero();
  }

  @Test
  void aResumeUsesTheRecordedBackendModelAndWorkdir() throws Exception {
    // The token budget stops the run after its first answer, wherever a loaded machine has got to by the clock
    // (a 300 ms wall-clock stop could come before the first call and leave its answer to the resume).
    cli.says("first");
    CliRun stopped = cli.run("run", dot.toString(), "--logs-root", root(), "--workdir", repo.toString(), "--model", "claude-opus-4-6",
        "--max-tokens", "1000");
    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
    assertThat(stopped.out()).contains("token budget is used up");
    cli.says("second");
    CliRun resumed = cli.run("resume", root(), "--max-tokens", "50000");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.out()).contains("agent backend: anthropic claude-opus-4-6 in " + repo, "agent anthropic/claude-opus-4-6");
  }
}
