package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.pipeline.state.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code factory status LOGS_ROOT}: a run explained from its directory alone. */
class StatusCommandTest {
  @TempDir Path temp;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(temp.resolve(name), text);
  }

  private String root() {
    return temp.resolve("run").toString();
  }

  @Test
  void aFinishedRunShowsEveryStage() {
    CliRun.of("run", RunCommandTest.QUICKSTART.toString(), "--logs-root", root());
    CliRun status = CliRun.of("status", root());
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).contains("of quickstart", "goal: Add a --version flag", "+ start ", "+ review ", "logs " + root())
        .contains("+ test       success (ran 2 times)")
        .doesNotContain("resume with");
    assertThat(status.out().lines().filter(line -> line.equals("success"))).hasSize(1);
  }

  @Test
  void aFailedRunSaysWhyAndWhichStageFailed() throws Exception {
    Path dot = write("d.dot", RoutingDeadEnd.DOT);
    Path script = write("s.json", "{\"nodes\": {\"impl\": [{\"outcome\": \"fail\", \"failure_reason\": \"broken\"}]}}");
    CliRun.of("run", dot.toString(), "--scripted", script.toString(), "--logs-root", root());
    CliRun status = CliRun.of("status", root(), "--json");
    assertThat(status.exitCode()).isZero();
    JsonNode json = JsonValues.parse(status.out());
    assertThat(json.path("status").asString()).isEqualTo("fail");
    assertThat(json.path("failure_reason").asString()).contains("goal gate 'impl' ended with fail");
    assertThat(json.path("stages").valueStream().map(s -> s.path("node_id").asString() + ":" + s.path("status").asString()))
        .containsExactly("start:success", "impl:fail", "check:success");
    assertThat(json.path("stages").get(1).path("error").asString()).isEqualTo("broken");
    assertThat(json.has("resume_command")).isFalse();
  }

  @Test
  void aStoppedRunSaysWhereAndHowToResume() throws Exception {
    Path dot = write("gate.dot", RunCommandTest.GATE);
    CliRun.of("run", dot.toString(), "--logs-root", root());
    CliRun status = CliRun.of("status", root());
    assertThat(status.exitCode()).isZero();
    assertThat(status.out()).contains("stopped at node 'approve': human gate 'approve' needs an answer",
        "resume with: factory resume " + temp.resolve("run") + " --answers FILE");
    JsonNode json = JsonValues.parse(CliRun.of("status", root(), "--json").out());
    assertThat(json.path("stop_reason").path("resumable").asBoolean()).isTrue();
    assertThat(json.path("resume_command").asString()).isEqualTo("factory resume " + temp.resolve("run") + " --answers FILE");
    assertThat(json.path("stages").valueStream().filter(s -> s.path("node_id").asString().equals("approve")).map(s -> s.path("status").asString()))
        .as("the stage in flight when the run stopped is not left running").containsExactly("stopped");
    assertThat(status.out()).contains("s approve  stopped");
  }

  @Test
  void aDirectoryWithoutARunOrWithADamagedCheckpointIsAUsageError() throws Exception {
    CliRun none = CliRun.of("status", temp.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("there is no run in " + temp);

    CliRun.of("run", RunCommandTest.QUICKSTART.toString(), "--logs-root", root());
    Files.writeString(temp.resolve("run/checkpoint.json"), "{\"format\": 1,");
    CliRun damaged = CliRun.of("status", root());
    assertThat(damaged.exitCode()).isEqualTo(2);
    assertThat(damaged.err()).contains("is damaged: not valid JSON").doesNotContain("internal error");
  }

  @Test
  void aTornLastEventLineDoesNotHideTheRun() throws Exception {
    CliRun.of("run", RunCommandTest.QUICKSTART.toString(), "--logs-root", root());
    Files.writeString(temp.resolve("run/events.jsonl"), "{\"type\":\"StageStarted\",\"node_", java.nio.file.StandardOpenOption.APPEND);
    CliRun status = CliRun.of("status", root());
    assertThat(status.exitCode()).isZero();
    assertThat(status.out()).contains("+ start");
  }

  /** A pipeline whose last check has only a fail edge, behind a goal gate. */
  static final class RoutingDeadEnd {
    static final String DOT = """
        digraph D {
          start [shape=Mdiamond]
          impl [prompt="i", goal_gate=true]
          check [prompt="c"]
          done [shape=Msquare]
          start -> impl -> check
          check -> done [condition="outcome=fail"]
        }
        """;
  }
}
