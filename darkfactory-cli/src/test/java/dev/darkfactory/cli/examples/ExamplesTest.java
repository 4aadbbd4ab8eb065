package dev.darkfactory.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.cli.TwinCli;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Script;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every example of examples/README.md, run through the real command line on the agent backend
 * against the LLM twin playing its script (examples/twin/NAME.json), in a scratch working
 * directory. examples/run-on-twin.sh does the same from a shell.
 */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples");
  @TempDir Path temp;

  record Run(CliRun cli, JsonNode summary, Path workdir, FakeProviderServer twin) {}

  private Run run(String dot, String script, Path workdir, String... extra) throws IOException {
    FakeProviderServer twin = FakeProviderServer.start(Script.load(EXAMPLES.resolve("twin").resolve(script)));
    try (TwinCli cli = new TwinCli(twin)) {
      List<String> args = new ArrayList<>(List.of("run", EXAMPLES.resolve(dot).toString(), "--workdir", workdir.toString(),
          "--logs-root", temp.resolve("run").toString(), "--json"));
      args.addAll(List.of(extra));
      CliRun result = cli.run(args.toArray(String[]::new));
      assertThat(result.exitCode()).as(result.toString()).isZero();
      return new Run(result, JsonValues.parse(result.out()), workdir, twin);
    }
  }

  private Path emptyWorkdir() throws IOException {
    return Files.createDirectories(temp.resolve("work"));
  }

  private static List<String> completed(Run run) {
    List<String> nodes = new ArrayList<>();
    run.summary().path("completed_nodes").forEach(n -> nodes.add(n.asString()));
    return nodes;
  }

  @Test
  void quickstart() throws IOException {
    Run run = run("quickstart.dot", "quickstart.json", emptyWorkdir());
    assertThat(completed(run)).containsExactly("start", "plan", "implement", "test", "implement", "test", "review", "done");
    assertThat(run.summary().at("/usage/total/llm_calls").asInt()).isEqualTo(5);
  }

  @Test
  void featureLoopFixesWhatTheRealTestReportsAndPassesTheReviewGate() throws IOException {
    Run run = run("feature-loop.dot", "feature-loop.json", emptyWorkdir());
    assertThat(completed(run)).containsExactly("start", "plan", "implement", "test", "implement", "test", "review", "done");
    assertThat(Files.readString(run.workdir().resolve("greet.sh"))).isEqualTo("echo \"Hello, $1!\"\n");
    assertThat(Files.readString(temp.resolve("run/test/stdout.txt"))).contains("greet ok");
    assertThat(run.summary().at("/node_outcomes/review").asString()).isEqualTo("success");
    assertThat(run.summary().at("/usage/total/cost_usd").decimalValue()).isPositive();
  }

  @Test
  void exploreRunsBothApproachesAndAdoptsTheRankedWinner() throws IOException {
    Run run = run("explore.dot", "explore.json", emptyWorkdir());
    assertThat(run.summary().at("/context/parallel.fan_in.best_id").asString()).isEqualTo("approach_wc");
    assertThat(Files.readString(run.workdir().resolve("count.sh"))).contains("wc -w");
    assertThat(Files.exists(run.workdir().resolve("count_awk.sh"))).isTrue();
    assertThat(completed(run)).containsSubsequence("setup", "fork", "pick", "adopt", "done");
  }

  @Test
  void approvalRevisesOnRejectionThenPublishes() throws IOException {
    Run run = run("approval.dot", "approval.json", emptyWorkdir(), "--answers", EXAMPLES.resolve("approval.answers.json").toString());
    assertThat(completed(run)).containsExactly("start", "draft", "approve", "revise", "approve", "publish", "done");
    assertThat(Files.readString(run.workdir().resolve("release/CHANGELOG.md"))).contains("## Added");
  }

  @Test
  void approvalUnderSimulationFailsAtPublishAndSaysWhyInsteadOfSucceeding() throws IOException {
    // Simulated stages write no files, so there is no CHANGELOG.md to publish: the run must not end as a success.
    CliRun run = CliRun.of("run", EXAMPLES.resolve("approval.dot").toString(), "--backend", "simulate", "--auto-approve",
        "--workdir", emptyWorkdir().toString(), "--logs-root", temp.resolve("run").toString(), "--json");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    JsonNode summary = JsonValues.parse(run.out());
    assertThat(summary.path("status").asString()).isEqualTo("fail");
    assertThat(summary.path("failure_reason").asString()).contains("there is no CHANGELOG.md to publish", "simulated stages write no files");
    assertThat(summary.path("final_node").asString()).isEqualTo("publish");
    assertThat(run.err()).doesNotContain("warning[");
  }

  @Test
  void everyExampleValidatesWithoutWarnings() {
    for (String example : List.of("quickstart.dot", "feature-loop.dot", "explore.dot", "approval.dot", "semport/semport.dot")) {
      CliRun validate = CliRun.of("validate", EXAMPLES.resolve(example).toString());
      assertThat(validate.exitCode()).as(validate.toString()).isZero();
      assertThat(validate.out() + validate.err()).as(example).contains("valid (no findings)");
    }
  }

  @Test
  void semportPortsEveryLedgerItemAndRecordsIt() throws IOException {
    Path workdir = temp.resolve("semport");
    copy(EXAMPLES.resolve("semport"), workdir);
    Run run = run("semport/semport.dot", "semport.json", workdir);
    assertThat(Files.readString(workdir.resolve("ledger.txt"))).isEqualTo("DONE add\nDONE subtract\nDONE multiply\n");
    assertThat(Files.readString(workdir.resolve("src/multiply.sh"))).contains("$1 * $2");
    assertThat(completed(run).stream().filter("port"::equals)).hasSize(4);
    assertThat(completed(run).getLast()).isEqualTo("done");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
