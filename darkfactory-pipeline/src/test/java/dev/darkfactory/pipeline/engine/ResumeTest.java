package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.event.PipelineEvent.CheckpointSaved;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageFailed;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStarted;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.problem.ResumeException;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.FidelityMode;
import dev.darkfactory.pipeline.state.Manifest;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint and resume, attractor-spec.md 5.3 (peer lessons: resume must never replay a completed side effect). */
class ResumeTest {
  @TempDir Path temp;

  static final String CHAIN = """
      digraph Chain {
        start [shape=Mdiamond]
        a [prompt="a"]
        b [prompt="b"]
        c [type="halt"]
        d [prompt="d"]
        done [shape=Msquare]
        start -> a -> b -> c -> d -> done
      }
      """;

  private static Map<String, Object> withoutVolatile(Map<String, Object> context) {
    Map<String, Object> copy = new LinkedHashMap<>(context);
    copy.remove("current_node");
    return copy;
  }

  @Test
  void resumeContinuesAfterTheLastCompletedNodeAndEndsLikeAnUninterruptedRun() {
    Halt halt = new Halt();
    var kit = PipelineTestKit.of(CHAIN, temp.resolve("interrupted")).handler("halt", halt);
    var first = kit.run();
    assertThat(first.result().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(first.checkpoint().next()).hasValueSatisfying(n -> assertThat(n.nodeId()).isEqualTo("c"));
    halt.armed.set(false);
    var resumed = kit.resume();

    Halt never = new Halt();
    never.armed.set(false);
    var straight = PipelineTestKit.of(CHAIN, temp.resolve("straight")).handler("halt", never).run();

    assertThat(resumed.events(StageStarted.class)).extracting(StageStarted::nodeId).containsExactly("c", "d", "done");
    assertThat(resumed.events(PipelineStarted.class).getFirst().resumed()).isTrue();
    assertThat(resumed.result().status()).isEqualTo(straight.result().status());
    assertThat(resumed.completed()).isEqualTo(straight.completed());
    assertThat(resumed.result().nodeOutcomes()).isEqualTo(straight.result().nodeOutcomes());
    assertThat(withoutVolatile(resumed.result().context())).isEqualTo(withoutVolatile(straight.result().context()));
    assertThat(resumed.result().runId()).isEqualTo(first.result().runId());
  }

  @Test
  void aCrashAfterAnyNodeResumesToTheSameResult() throws Exception {
    // Keep a copy of the checkpoint written after b, finish the run, then put the copy back: the
    // state a SIGKILL right after b would have left. The CLI's crash test does it for real.
    Path saved = temp.resolve("after-b.json");
    var kit = PipelineTestKit.of(CHAIN.replace("c [type=\"halt\"]", "c [prompt=\"c\"]"), temp);
    List<String> executions = new ArrayList<>();
    kit.backend(request -> {
      executions.add(request.node().id());
      return CodergenResult.outcome(Outcome.success().withContextUpdate("seen_" + request.node().id(), executions.size()));
    });
    var engine = kit.engine(event -> {
        if (event instanceof CheckpointSaved cs && cs.nodeId().equals("b")) {
          try {
            Files.copy(kit.logsRoot().resolve("checkpoint.json"), saved, StandardCopyOption.REPLACE_EXISTING);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
    });
    RunResult straight = engine.run(kit.graph(), kit.options());
    Files.copy(saved, kit.logsRoot().resolve("checkpoint.json"), StandardCopyOption.REPLACE_EXISTING);
    executions.clear();
    var resumed = kit.resume();
    assertThat(executions).containsExactly("c", "d");
    assertThat(resumed.completed()).isEqualTo(straight.completedNodes());
    assertThat(resumed.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void theCheckpointOnDiskAfterEveryNodeIsTheRunSoFar() {
    // Retries (an execution count the completed list does not imply), a failed node revisited and then succeeding (a
    // status that changes in place), a node revisited unchanged: the checkpoint is encoded incrementally, so read the
    // file after every save and compare it with what the events say happened up to then.
    String dot = """
        digraph Loop {
          start [shape=Mdiamond]
          a [prompt="a", max_retries=2]
          b [prompt="b"]
          c [prompt="c"]
          done [shape=Msquare]
          start -> a -> b
          b -> c [condition="outcome=success"]
          b -> a [condition="outcome=fail"]
          c -> done
        }
        """;
    var kit = PipelineTestKit.of(dot, temp).script(Map.of(
        "a", List.of(Outcome.fail("flaky"), Outcome.success(), Outcome.success()),
        "b", List.of(Outcome.fail("red"), Outcome.success())));
    List<String> completed = new ArrayList<>();
    Map<String, StageStatus> outcomes = new LinkedHashMap<>();
    Map<String, Integer> executions = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    var engine = kit.engine(event -> {
      switch (event) {
        case StageStarted e -> executions.merge(e.nodeId(), 1, Integer::sum);
        case StageCompleted e -> {
          completed.add(e.nodeId());
          outcomes.put(e.nodeId(), e.status());
        }
        case StageFailed e when !e.willRetry() -> {
          completed.add(e.nodeId());
          outcomes.put(e.nodeId(), e.status());
        }
        case CheckpointSaved e -> {
          Checkpoint saved = RunDirectory.at(kit.logsRoot()).checkpoints().load().orElseThrow();
          if (!saved.completedNodes().equals(completed) || !saved.nodeOutcomes().equals(outcomes)
              || !new ArrayList<>(saved.nodeOutcomes().keySet()).equals(new ArrayList<>(outcomes.keySet()))
              || !saved.nodeExecutions().equals(executions) || !saved.currentNode().equals(e.nodeId())) {
            problems.add("after " + e.nodeId() + ": " + saved.completedNodes() + " " + saved.nodeOutcomes() + " " + saved.nodeExecutions()
                + " but the events say " + completed + " " + outcomes + " " + executions);
          }
        }
        default -> { }
      }
    });
    RunResult result = engine.run(kit.graph(), kit.options());
    assertThat(result.completedNodes()).containsExactly("start", "a", "b", "a", "b", "c", "done");
    assertThat(executions).containsEntry("a", 3);
    assertThat(problems).isEmpty();
  }

  @Test
  void resumeRefusesACheckpointOfAnotherGraph() {
    Halt halt = new Halt();
    PipelineTestKit.of(CHAIN, temp).handler("halt", halt).run();
    var changed = PipelineTestKit.of(CHAIN.replace("a [prompt=\"a\"]", "a [prompt=\"something else\"]"), temp).handler("halt", halt);
    assertThatThrownBy(changed::resume).isInstanceOf(ResumeException.class)
        .hasMessageContaining("the pipeline changed since the run started")
        .hasMessageMatching("(?s).*checkpoint fingerprint sha256:[0-9a-f]{64}, this pipeline sha256:[0-9a-f]{64}.*");
  }

  @Test
  void resumeRefusesALogsRootOfAnotherRun() {
    PipelineTestKit.of(CHAIN, temp).handler("halt", new Halt()).run();
    var kit = PipelineTestKit.of(CHAIN, temp).handler("halt", new Halt());
    var engine = kit.engine(new dev.darkfactory.pipeline.event.RecordingListener());
    assertThatThrownBy(() -> engine.resume(kit.graph(), RunDirectory.at(kit.logsRoot()), kit.options().withRunId("someone-else")))
        .isInstanceOf(ResumeException.class).hasMessageContaining("belongs to run");
  }

  @Test
  void startRefusesALogsRootThatHoldsARun() {
    var kit = PipelineTestKit.of(CHAIN, temp).handler("halt", new Halt());
    kit.run();
    assertThatThrownBy(kit::run).isInstanceOf(ResumeException.class).hasMessageContaining("already holds run")
        .hasMessageContaining("factory resume");
  }

  @Test
  void resumeRefusesAFinishedRun() {
    Halt halt = new Halt();
    halt.armed.set(false);
    var kit = PipelineTestKit.of(CHAIN, temp).handler("halt", halt);
    kit.run();
    assertThatThrownBy(kit::resume).isInstanceOf(ResumeException.class).hasMessageContaining("already finished (success)");
  }

  @Test
  void resumeRefusesADirectoryWithoutARun() {
    var kit = PipelineTestKit.of(CHAIN, temp).handler("halt", new Halt());
    assertThatThrownBy(kit::resume).isInstanceOf(ResumeException.class).hasMessageContaining("there is no run in")
        .hasMessageContaining("no checkpoint.json, no manifest.json");
  }

  /** What a process killed after writing manifest.json and before its first checkpoint leaves behind. */
  private static Manifest manifestOnly(PipelineTestKit kit, String runId) {
    Graph graph = kit.graph();
    Manifest manifest = new Manifest(runId, graph.name(), graph.goal(), GraphFingerprint.of(graph), Optional.empty(),
        Instant.parse("2026-11-25T13:46:51Z"), Optional.empty(), RunStatus.RUNNING, Map.of("backend", "simulation"));
    RunDirectory dir = RunDirectory.at(kit.logsRoot());
    dir.create();
    dir.writeManifest(manifest);
    return manifest;
  }

  @Test
  void aRunKilledBeforeItsFirstCheckpointResumesFromTheStartAsTheSameRun() {
    Halt never = new Halt();
    never.armed.set(false);
    var kit = PipelineTestKit.of(CHAIN, temp).handler("halt", never);
    Manifest before = manifestOnly(kit, "20261125-134651-00024f");

    var resumed = kit.resume();

    assertThat(resumed.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(resumed.result().runId()).isEqualTo("20261125-134651-00024f");
    assertThat(resumed.events(StageStarted.class)).extracting(StageStarted::nodeId).containsExactly("start", "a", "b", "c", "d", "done");
    assertThat(resumed.events(PipelineStarted.class).getFirst().resumed()).isTrue();
    assertThat(resumed.checkpoint().runId()).isEqualTo("20261125-134651-00024f");
    Manifest after = resumed.dir().readManifest().orElseThrow();
    assertThat(after.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(after.startedAt()).isEqualTo(before.startedAt());
    assertThat(after.settings()).isEqualTo(before.settings());
    assertThat(resumed.dir().graphFile()).as("the graph copy a resume falls back on").exists();
  }

  @Test
  void aNewRunRefusesALogsRootWhoseRunHasNoCheckpointYet() {
    var kit = PipelineTestKit.of(CHAIN, temp).handler("halt", new Halt());
    manifestOnly(kit, "20261125-134651-00024f");
    assertThatThrownBy(kit::run).isInstanceOf(ResumeException.class)
        .hasMessageContaining("already holds run 20261125-134651-00024f, which has no checkpoint yet")
        .hasMessageContaining("factory resume");
    assertThat(RunDirectory.at(kit.logsRoot()).readManifest().orElseThrow().runId()).as("the run is left as it was")
        .isEqualTo("20261125-134651-00024f");
  }

  @Test
  void aRunWithoutCheckpointIsNotResumedWithAnotherPipelineOrAsAnotherRun() {
    var kit = PipelineTestKit.of(CHAIN, temp).handler("halt", new Halt());
    manifestOnly(kit, "20261125-134651-00024f");
    var changed = PipelineTestKit.of(CHAIN.replace("d [prompt=\"d\"]", "d [prompt=\"D\"]"), temp).handler("halt", new Halt());
    assertThatThrownBy(changed::resume).isInstanceOf(ResumeException.class).hasMessageContaining("the pipeline changed");
    var engine = kit.engine(new dev.darkfactory.pipeline.event.RecordingListener());
    assertThatThrownBy(() -> engine.resume(kit.graph(), RunDirectory.at(kit.logsRoot()), kit.options().withRunId("someone-else")))
        .isInstanceOf(ResumeException.class).hasMessageContaining("belongs to run 20261125-134651-00024f");
  }

  @Test
  void fullFidelityDegradesToSummaryHighForTheFirstResumedLlmStageOnly() {
    String dot = """
        digraph F {
          graph [default_fidelity="full"]
          start [shape=Mdiamond]
          a [prompt="a"]
          check [type="halt"]
          b [prompt="b"]
          c [prompt="c"]
          done [shape=Msquare]
          start -> a -> check -> b -> c -> done
        }
        """;
    // The run stops at check (not an LLM stage); after the resume check runs first and does not
    // use up the degraded hop: b, the first LLM stage, gets summary:high.
    Map<String, FidelityMode> modes = new LinkedHashMap<>();
    Halt halt = new Halt();
    var kit = PipelineTestKit.of(dot, temp).handler("halt", halt).backend(request -> {
      modes.put(request.node().id(), request.fidelity().mode());
      return CodergenResult.text("ok");
    });
    kit.run();
    assertThat(kit.logsRoot().resolve("checkpoint.json")).content().contains("\"last_fidelity\":\"full\"");
    halt.armed.set(false);
    kit.resume();
    assertThat(modes).containsEntry("a", FidelityMode.FULL).containsEntry("b", FidelityMode.SUMMARY_HIGH).containsEntry("c", FidelityMode.FULL);
  }

  @Test
  void visitCountsSurviveResumeSoBoundsStillHold() {
    String dot = """
        digraph V {
          graph [max_visits=3]
          start [shape=Mdiamond]
          work [prompt="w"]
          gate [type="halt"]
          done [shape=Msquare]
          start -> work -> gate
          gate -> work
        }
        """.replace("gate -> work", "gate -> work\n          work -> done [condition=\"context.never=1\"]");
    Halt halt = new Halt();
    var kit = PipelineTestKit.of(dot, temp).handler("halt", halt);
    kit.run();
    halt.armed.set(false);
    var resumed = kit.resume();
    assertThat(resumed.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(resumed.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("max_visits=3"));
    // work ran once before the stop and twice after: the bound counts both runs of the process.
    assertThat(resumed.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("work")).hasSize(2);
  }

  @Test
  void scriptedExecutionsContinueCountingAcrossResume() {
    String dot = """
        digraph S {
          start [shape=Mdiamond]
          try [prompt="t"]
          pause [type="halt"]
          done [shape=Msquare]
          start -> try
          try -> pause [condition="outcome=fail"]
          pause -> try
          try -> done [condition="outcome=success"]
        }
        """;
    Halt halt = new Halt();
    var kit = PipelineTestKit.of(dot, temp).handler("halt", halt)
        .script(Map.of("try", List.of(Outcome.fail("first"), Outcome.success())));
    kit.run();
    halt.armed.set(false);
    var resumed = kit.resume();
    assertThat(resumed.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(resumed.completed()).containsExactly("start", "try", "pause", "try", "done");
  }

  @Test
  void aResumedParallelNodeDoesNotRunFinishedBranchesAgain() {
    String dot = """
        digraph P {
          start [shape=Mdiamond]
          fan [shape=component, max_parallel=1]
          a [prompt="a"]
          b [type="halt"]
          join [shape=tripleoctagon]
          done [shape=Msquare]
          start -> fan
          fan -> a
          fan -> b
          a -> join
          b -> join
          join -> done
        }
        """;
    Halt halt = new Halt();
    List<String> llm = new ArrayList<>();
    var kit = PipelineTestKit.of(dot, temp).handler("halt", halt).backend(request -> {
      synchronized (llm) {
        llm.add(request.node().id());
      }
      return CodergenResult.text("ok");
    });
    var first = kit.run();
    assertThat(first.result().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(llm).containsExactly("a");
    halt.armed.set(false);
    var resumed = kit.resume();
    assertThat(resumed.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(llm).as("branch a finished before the stop and is not executed again").containsExactly("a");
    assertThat(halt.executed).containsExactly("b", "b");
    assertThat(resumed.result().context()).containsKey("parallel.branch.b.halted_b").containsKey("parallel.branch.a.last_stage");
  }

  @Test
  void theCheckpointCarriesRunIdFingerprintAndTheSpecFields() {
    var run = PipelineTestKit.of(CHAIN, temp).handler("halt", new Halt()).run();
    Checkpoint checkpoint = run.checkpoint();
    assertThat(checkpoint.runId()).isEqualTo(run.result().runId());
    assertThat(checkpoint.graphFingerprint()).isEqualTo(GraphFingerprint.of(run.graph()));
    assertThat(run.dir().root().resolve("checkpoint.json")).content()
        .contains("\"timestamp\"", "\"current_node\":\"b\"", "\"completed_nodes\"", "\"node_retries\"", "\"context\"", "\"logs\"");
  }
}
