package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.state.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code run} speaks the names of the HTTP API and the manifest (docs/names.md), records the
 * budgets it was given whatever the backend, refuses budgets that are not positive wherever they
 * are written, and checks its input before it says anything about the backend.
 */
class NamesAndBudgetsTest {
  @TempDir Path temp;

  private static final Environment NO_PROVIDER = Environment.of(Map.of());
  private static final String QUICKSTART = RunCommandTest.QUICKSTART.toString();

  private JsonNode settings(Path logsRoot) throws IOException {
    return JsonValues.parse(Files.readString(logsRoot.resolve("manifest.json"))).path("settings");
  }

  @Test
  void aSimulatedRunRecordsItsBudgetsUnderTheApisNames() throws IOException {
    Path root = temp.resolve("run");
    CliRun run = CliRun.in(NO_PROVIDER, "run", QUICKSTART, "--backend", "simulation", "--max-tokens", "5000", "--max-cost-usd", "2.5",
        "--timeout", "PT30M", "--logs-root", root.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode settings = settings(root);
    assertThat(settings.path("backend").asString()).isEqualTo("simulation");
    assertThat(settings.path("max_tokens").asString()).isEqualTo("5000");
    assertThat(settings.path("max_cost_usd").asString()).isEqualTo("2.5");
    assertThat(settings.path("timeout").asString()).isEqualTo("30m");
  }

  @Test
  void theOldNamesStillWork() throws IOException {
    Path root = temp.resolve("run");
    CliRun run = CliRun.in(NO_PROVIDER, "run", QUICKSTART, "--backend", "simulate", "--max-cost", "3", "--set", "ticket=T-1", "--json",
        "--logs-root", root.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(settings(root).path("backend").asString()).isEqualTo("simulation");
    assertThat(settings(root).path("max_cost_usd").asString()).isEqualTo("3");
    assertThat(JsonValues.parse(run.out()).at("/context/ticket").asString()).isEqualTo("T-1");
  }

  @Test
  void contextSetsContextValues() {
    CliRun run = CliRun.in(NO_PROVIDER, "run", QUICKSTART, "--context", "ticket=T-2", "--context", "empty=", "--json",
        "--logs-root", temp.resolve("run").toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode context = JsonValues.parse(run.out()).path("context");
    assertThat(context.path("ticket").asString()).isEqualTo("T-2");
    assertThat(context.path("empty").asString()).isEmpty();
  }

  @Test
  void aGraphBudgetThatIsNotPositiveIsRefusedBeforeTheRun() throws IOException {
    Path dot = Files.writeString(temp.resolve("b.dot"), """
        digraph B { graph [max_tokens=-5, max_cost_usd=0]
          start [shape=Mdiamond]; work [prompt="w"]; done [shape=Msquare]; start -> work -> done }
        """);
    CliRun run = CliRun.in(NO_PROVIDER, "run", dot.toString(), "--logs-root", temp.resolve("run").toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("max_tokens must be a whole number of tokens greater than 0, such as 50000, not -5",
        "max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not 0");
    assertThat(temp.resolve("run")).doesNotExist();
  }

  @Test
  void aMissingFileIsTheOnlyThingSaid() {
    CliRun run = CliRun.in(NO_PROVIDER, "run", temp.resolve("missing.dot").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly("error: cannot read " + temp.resolve("missing.dot") + ": no such file");
  }

  @Test
  void resumeKeepsTheRecordedBudgetsOfASimulatedRun() throws IOException {
    Path dot = Files.writeString(temp.resolve("gate.dot"), RunCommandTest.GATE);
    Path root = temp.resolve("run");
    CliRun stopped = CliRun.in(NO_PROVIDER, "run", dot.toString(), "--max-tokens", "700", "--timeout", "2h", "--logs-root", root.toString());
    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
    CliRun resumed = CliRun.in(NO_PROVIDER, "resume", root.toString(), "--auto-approve");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(settings(root).path("max_tokens").asString()).isEqualTo("700");
    assertThat(settings(root).path("timeout").asString()).isEqualTo("2h");
  }
}
