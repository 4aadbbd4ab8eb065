package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.cli.Main;
import dev.darkfactory.cli.Terminal;
import dev.darkfactory.pipeline.state.JsonValues;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.darkfactory.cli.PseudoTerminal;
import org.junit.jupiter.api.Assumptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code factory run} and {@code factory resume}. */
class RunCommandTest {
  @TempDir Path temp;

  static final Path QUICKSTART = Path.of("..", "examples", "quickstart.dot");

  private Path write(String name, String text) throws Exception {
    Path file = temp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private String root() {
    return temp.resolve("run").toString();
  }

  @Test
  void theQuickstartRunsOfflineAndPrintsItsProgress() {
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("no LLM backend configured: simulating", "Running quickstart", "x test", "fail: tool_command exited with code 1",
        "-> implement  condition: \"outcome=fail\" held", "+ review", "success", "logs " + temp.resolve("run"));
  }

  @Test
  void jsonPrintsOneSummaryObject() {
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root(), "--json", "--set", "ticket=T-42");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = JsonValues.parse(run.out());
    assertThat(json.get("status").asString()).isEqualTo("success");
    assertThat(json.get("run_id").asString()).isNotEmpty();
    assertThat(json.get("completed_nodes").toString()).isEqualTo("[\"start\",\"plan\",\"implement\",\"test\",\"implement\",\"test\",\"review\",\"done\"]");
    assertThat(json.get("node_outcomes").get("test").asString()).isEqualTo("success");
    assertThat(json.get("final_node").asString()).isEqualTo("done");
    assertThat(json.has("failure_reason")).isFalse();
    assertThat(json.at("/context/ticket").asString()).isEqualTo("T-42");
    assertThat(json.get("logs_root").asString()).isEqualTo(temp.resolve("run").toString());
    assertThat(run.err()).contains("Running quickstart");
  }

  @Test
  void aFailedRunExitsOneWithTheReason() throws Exception {
    Path dot = write("p.dot", """
        digraph P { start [shape=Mdiamond]; work [prompt="w"]; done [shape=Msquare]
          start -> work
          work -> done [condition="outcome=success"] }
        """);
    Path script = write("s.json", "{\"nodes\": {\"work\": [{\"outcome\": \"fail\", \"failure_reason\": \"the build is red\"}]}}");
    CliRun run = CliRun.of("run", dot.toString(), "--scripted", script.toString(), "--logs-root", root(), "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = JsonValues.parse(run.out());
    assertThat(json.get("status").asString()).isEqualTo("fail");
    assertThat(json.get("failure_reason").asString()).isEqualTo("the build is red");
    assertThat(run.err()).doesNotContain("simulating");
  }

  @Test
  void anInvalidPipelineExitsTwo() throws Exception {
    Path dot = write("bad.dot", "digraph B { work [prompt=\"w\"] }");
    CliRun run = CliRun.of("run", dot.toString(), "--logs-root", root());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error[start_node]");
  }

  @Test
  void aScriptNamingAnUnknownNodeExitsTwo() throws Exception {
    Path script = write("s.json", "{\"nodes\": {\"reveiw\": [{\"outcome\": \"success\"}]}}");
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--scripted", script.toString(), "--logs-root", root());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("node \"reveiw\" is not in pipeline quickstart", "did you mean \"review\"");
  }

  @Test
  void optionsThatExcludeEachOtherAreAUsageError() {
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--simulate", "--scripted", "x.json");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("mutually exclusive");
  }

  static final String GATE = """
      digraph H {
        start [shape=Mdiamond]
        approve [shape=hexagon, label="Ship it?"]
        ship [prompt="ship"]
        done [shape=Msquare]
        start -> approve
        approve -> ship [label="[Y] Yes"]
        approve -> done [label="[N] No"]
        ship -> done
      }
      """;

  @Test
  void aHumanGateWithoutATerminalStopsAndSaysHowToResume() throws Exception {
    Path dot = write("gate.dot", GATE);
    CliRun stopped = CliRun.of("run", dot.toString(), "--logs-root", root());
    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(stopped.out()).contains("stopped: human gate 'approve' needs an answer, but there is no terminal to ask on",
        "Resume with --answers FILE (the answers in order, as a JSON list such as [\"A\"])",
        "resume with: factory resume " + root() + " --answers FILE");
    Path answers = write("answers.json", "[\"Y\"]");
    CliRun resumed = CliRun.of("resume", root(), "--answers", answers.toString(), "--json");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(JsonValues.parse(resumed.out()).get("completed_nodes").toString()).isEqualTo("[\"start\",\"approve\",\"ship\",\"done\"]");
  }

  /** The printed hint, run as printed (its FILE a file of answers): it finishes the run instead of stopping at the gate again. */
  @Test
  void followingTheResumeHintOfAHumanGateCompletesTheRun() throws Exception {
    Path dot = write("gate.dot", GATE);
    CliRun stopped = CliRun.of("run", dot.toString(), "--logs-root", root());
    assertThat(stopped.exitCode()).isEqualTo(1);
    String hint = stopped.out().lines().filter(line -> line.startsWith("resume with: ")).findFirst().orElseThrow()
        .substring("resume with: ".length());
    assertThat(hint).startsWith("factory ");
    Path answers = write("FILE", "[\"Y\"]");
    String[] args = java.util.Arrays.stream(hint.substring("factory ".length()).split(" "))
        .map(word -> word.equals("FILE") ? answers.toString() : word).toArray(String[]::new);
    CliRun resumed = CliRun.of(args);
    assertThat(resumed.exitCode()).as("following '%s'\n%s", hint, resumed).isZero();
    assertThat(resumed.out()).contains("success");
    assertThat(CliRun.of("status", root(), "--json").out()).doesNotContain("resume_command");
  }

  @Test
  void statusOfARunStoppedAtAHumanGateSaysHowToAnswer() throws Exception {
    CliRun stopped = CliRun.of("run", write("gate.dot", GATE).toString(), "--logs-root", root());
    assertThat(stopped.exitCode()).isEqualTo(1);
    JsonNode status = JsonValues.parse(CliRun.of("status", root(), "--json").out());
    assertThat(status.get("resume_command").asString()).isEqualTo("factory resume " + root() + " --answers FILE");
  }

  @Test
  void autoApproveTakesTheFirstOption() throws Exception {
    CliRun run = CliRun.of("run", write("gate.dot", GATE).toString(), "--logs-root", root(), "--auto-approve", "--json");
    assertThat(JsonValues.parse(run.out()).at("/context/human.gate.selected").asString()).isEqualTo("Y");
  }

  @Test
  void onATerminalHumanGatesAskOnTheConsole() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new StringReader("2\n"), new PrintWriter(out, true), new PrintWriter(err, true), new Terminal(true, false),
        "run", write("gate.dot", GATE).toString(), "--logs-root", root());
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("[?] Ship it?", "1. [Y] Yes", "2. [N] No", "answered [N] No");
  }

  @Test
  void onARealTerminalAHumanGateTakesATypedAcceleratorKey() throws Exception {
    Assumptions.assumeTrue(PseudoTerminal.available(), "pseudo-terminal test skipped: script(1) cannot open a pseudo-terminal here");
    String out = PseudoTerminal.run(PseudoTerminal.java(Main.class, "run", write("gate.dot", GATE).toString(), "--logs-root", root()),
        Map.of("TERM", "dumb"), "n\n");
    assertThat(out).contains("[?] Ship it?", "1. [Y] Yes", "2. [N] No", "answered [N] No", "success");
    assertThat(temp.resolve("run/checkpoint.json")).content().contains("\"status\":\"success\"");
  }

  @Test
  void resumingAFinishedRunIsAUsageError() {
    CliRun.of("run", QUICKSTART.toString(), "--logs-root", root());
    CliRun again = CliRun.of("resume", root());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already finished (success)");
  }

  @Test
  void runningIntoAnExistingRunIsRefused() {
    CliRun.of("run", QUICKSTART.toString(), "--logs-root", root());
    CliRun again = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds run");
  }

  @Test
  void resumeRefusesAChangedPipeline() throws Exception {
    Path dot = write("gate.dot", GATE);
    CliRun.of("run", dot.toString(), "--logs-root", root());
    Files.writeString(dot, GATE.replace("Ship it?", "Ship it now?"));
    CliRun resumed = CliRun.of("resume", root(), "--auto-approve");
    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err()).contains("the pipeline changed since the run started");
  }

  @Test
  void resumeUsesTheRunsScriptedBackendByDefault() throws Exception {
    Path dot = write("p.dot", GATE.replace("ship [prompt=\"ship\"]", "ship [prompt=\"ship\"]\n  after [prompt=\"a\"]")
        .replace("ship -> done", "ship -> after\n  after -> done [condition=\"outcome=success\"]"));
    Path script = write("s.json", "{\"nodes\": {\"after\": [{\"outcome\": \"fail\", \"failure_reason\": \"scripted failure\"}]}}");
    CliRun.of("run", dot.toString(), "--scripted", script.toString(), "--logs-root", root());
    CliRun resumed = CliRun.of("resume", root(), "--auto-approve", "--json");
    assertThat(resumed.exitCode()).isEqualTo(1);
    assertThat(JsonValues.parse(resumed.out()).get("failure_reason").asString()).isEqualTo("scripted failure");
  }

  /** What a process killed after writing manifest.json and before the first checkpoint leaves: the manifest and the graph copy. */
  private static void leaveOnlyTheManifest(Path run) throws Exception {
    tools.jackson.databind.node.ObjectNode manifest = (tools.jackson.databind.node.ObjectNode) JsonValues.parse(Files.readString(run.resolve("manifest.json")));
    manifest.put("status", "running");
    manifest.remove("finished_at");
    try (var paths = Files.walk(run)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!path.equals(run) && !path.getFileName().toString().equals("pipeline.dot")) {
          Files.delete(path);
        }
      }
    }
    Files.writeString(run.resolve("manifest.json"), JsonValues.pretty(manifest));
  }

  @Test
  void aRunKilledBeforeItsFirstCheckpointIsResumedFromTheStartAndNotRunOver() throws Exception {
    String runId = JsonValues.parse(CliRun.of("run", QUICKSTART.toString(), "--logs-root", root(), "--json").out()).get("run_id").asString();
    leaveOnlyTheManifest(temp.resolve("run"));

    CliRun over = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root());
    assertThat(over.exitCode()).as(over.toString()).isEqualTo(2);
    assertThat(over.err()).contains("already holds run " + runId + ", which has no checkpoint yet", "factory resume " + root());

    CliRun resumed = CliRun.of("resume", root(), "--json");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.err()).contains("ended before its first checkpoint", "runs from the start");
    JsonNode json = JsonValues.parse(resumed.out());
    assertThat(json.get("status").asString()).isEqualTo("success");
    assertThat(json.get("run_id").asString()).isEqualTo(runId);
    assertThat(json.get("completed_nodes").toString()).isEqualTo("[\"start\",\"plan\",\"implement\",\"test\",\"implement\",\"test\",\"review\",\"done\"]");
  }

  /** A stage fails and its failure flows along a plain edge to the exit: the spec's success, with a failure passed over. */
  static final String PASSES_OVER = """
      digraph P {
        start   [shape=Mdiamond]
        publish [shape=parallelogram, tool_command="echo 'cp: cannot stat CHANGELOG.md' >&2; exit 1"]
        done    [shape=Msquare]
        start -> publish -> done
      }
      """;

  @Test
  void aRunThatPassesOverAFailedStageSaysSoInItsStatusSummaryJsonAndExitCode() throws Exception {
    Path dot = write("p.dot", PASSES_OVER);
    CliRun text = CliRun.of("run", dot.toString(), "--logs-root", root());
    assertThat(text.exitCode()).as(text.toString()).isEqualTo(3);
    assertThat(text.err()).contains("warning[failure_reaches_exit]", "when node publish fails, nothing handles it");
    assertThat(text.out()).contains("x publish", "cp: cannot stat CHANGELOG.md", "success with failures  3 stages",
        "passed over 1 failed stage (publish): the run reached its exit although that stage failed");
    assertThat(text.out().lines()).as("never a plain success line").noneMatch(line -> line.startsWith("success  "));

    CliRun json = CliRun.of("run", dot.toString(), "--logs-root", temp.resolve("second").toString(), "--json");
    assertThat(json.exitCode()).isEqualTo(3);
    JsonNode summary = JsonValues.parse(json.out());
    assertThat(summary.get("status").asString()).isEqualTo("success_with_failures");
    assertThat(summary.get("failed_stages").toString()).isEqualTo("[\"publish\"]");
    assertThat(summary.get("node_outcomes").get("publish").asString()).isEqualTo("fail");
    assertThat(summary.has("failure_reason")).isFalse();

    JsonNode manifest = JsonValues.parse(Files.readString(temp.resolve("run/manifest.json")));
    assertThat(manifest.get("status").asString()).isEqualTo("success_with_failures");
    CliRun status = CliRun.of("status", root(), "--json");
    JsonNode shown = JsonValues.parse(status.out());
    assertThat(shown.get("status").asString()).isEqualTo("success_with_failures");
    assertThat(shown.get("failed_stages").toString()).isEqualTo("[\"publish\"]");
    assertThat(CliRun.of("status", root()).out()).contains("success with failures: the run reached its exit, passing over failed stages: publish");
    CliRun resumed = CliRun.of("resume", root());
    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.err()).contains("already finished (success_with_failures)");
  }

  @Test
  void aFailureThatIsRetriedAndThenSucceedsIsNotPassedOver() throws Exception {
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root(), "--json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode summary = JsonValues.parse(run.out());
    assertThat(summary.get("status").asString()).isEqualTo("success");
    assertThat(summary.get("failed_stages").isEmpty()).as("test failed once, then passed").isTrue();
  }

  @Test
  void resumeOfADirectoryWithoutARunIsAUsageError() {
    CliRun run = CliRun.of("resume", temp.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("there is no run in");
  }

  @Test
  void theRunDirectoryHasTheDocumentedLayout() {
    CliRun.of("run", QUICKSTART.toString(), "--logs-root", root());
    Path run = temp.resolve("run");
    for (String file : new String[] {"checkpoint.json", "manifest.json", "events.jsonl", "pipeline.dot", "plan/prompt.md", "plan/response.md",
        "plan/status.json", "test/stdout.txt", "test/stderr.txt", "test/command.txt"}) {
      assertThat(run.resolve(file)).exists();
    }
    assertThat(run.resolve("manifest.json")).content().contains("\"name\" : \"quickstart\"", "\"backend\" : \"simulation\"", "\"status\" : \"success\"");
  }

  @Test
  void aLogsRootThatIsAFileIsAUsageError() throws Exception {
    Path file = write("occupied", "x");
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--logs-root", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot create the logs root " + file + ": a file is in the way").doesNotContain("internal error");
  }

  @Test
  void resumingFromADamagedCheckpointIsRefusedAndSaysWhy() throws Exception {
    Path dot = write("gate.dot", GATE);
    CliRun.of("run", dot.toString(), "--logs-root", root());
    Path checkpoint = temp.resolve("run").resolve("checkpoint.json");
    Files.writeString(checkpoint, Files.readString(checkpoint).replaceFirst("\"context\":\\{", "\"context\":\"str\",\"was\":{"));
    CliRun damaged = CliRun.of("resume", root(), "--auto-approve");
    assertThat(damaged.exitCode()).isEqualTo(2);
    assertThat(damaged.err()).contains("is damaged: field \"context\" must be an object, found \"str\"");

    Files.writeString(checkpoint, "{\"format\": 1, \"run_id\": ");
    CliRun truncated = CliRun.of("resume", root(), "--auto-approve");
    assertThat(truncated.exitCode()).isEqualTo(2);
    assertThat(truncated.err()).contains("is damaged: not valid JSON at line 1").doesNotContain("REDACTED");
  }

  @Test
  void aWorkingDirectoryThatDoesNotExistIsAUsageError() {
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root(), "--workdir", temp.resolve("nowhere").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the working directory " + temp.resolve("nowhere") + " does not exist");
    assertThat(temp.resolve("run")).doesNotExist();
  }

  @Test
  void aContextValueWithoutAKeyIsAUsageError() {
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root(), "--set", "=x");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'=x' has no key before '=': write KEY=VALUE, such as ticket=PROJ-42");
    CliRun context = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root(), "--context", "=x");
    assertThat(context.exitCode()).isEqualTo(2);
    assertThat(context.err()).contains("Invalid value for option '--context'", "'=x' has no key before '='");
  }

  @Test
  void anAnswersFileThatIsMissingSaysWhy() {
    CliRun run = CliRun.of("run", QUICKSTART.toString(), "--logs-root", root(), "--answers", temp.resolve("nope.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read the answers file " + temp.resolve("nope.json") + ": no such file or directory");
  }

  @Test
  void lintWarningsArePrintedBeforeTheRunStarts() throws Exception {
    Path dot = write("typo.dot", """
        digraph T {
          start [shape=Mdiamond]
          work [prompt="w", model="gpt-5"]
          done [shape=Msquare]
          start -> work -> done
        }
        """);
    CliRun run = CliRun.of("run", dot.toString(), "--logs-root", root(), "--backend", "simulation");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("typo.dot:3:27: warning[unknown_attribute]", "did you mean 'llm_model'");
    CliRun json = CliRun.of("run", dot.toString(), "--logs-root", temp.resolve("json").toString(), "--backend", "simulation", "--json");
    assertThat(json.err()).contains("warning[unknown_attribute]");
    assertThat(JsonValues.parse(json.out()).get("status").asString()).as("stdout stays one JSON document").isEqualTo("success");
  }
}
