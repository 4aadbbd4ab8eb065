package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.event.DecisionStep;
import dev.darkfactory.pipeline.event.PipelineEvent.CheckpointSaved;
import dev.darkfactory.pipeline.event.PipelineEvent.EdgeSelected;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelBranchStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageRetrying;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStarted;
import dev.darkfactory.pipeline.handler.Stage;
import dev.darkfactory.pipeline.human.QueueInterviewer;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.human.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attractor-spec.md 11.3-11.7, one test per checklist item (11.8 is in {@code human.DefinitionOfDoneHumanTest}). */
class DefinitionOfDoneTest {
  @TempDir Path temp;

  static final String LINEAR = """
      digraph Linear {
        graph [goal="ship"]
        begin [shape=Mdiamond]
        a [prompt="Do a for $goal"]
        b [prompt="Do b"]
        done [shape=Msquare]
        begin -> a -> b -> done
      }
      """;

  @Nested
  class ExecutionEngine_11_3 {
    @Test
    void resolvesTheStartNodeAndBeginsThere() {
      var run = PipelineTestKit.of(LINEAR, temp).run();
      assertThat(run.events(StageStarted.class).getFirst().nodeId()).isEqualTo("begin");
      assertThat(run.completed().getFirst()).isEqualTo("begin");
    }

    @Test
    void resolvesEachHandlerThroughTheShapeMapping() {
      var run = PipelineTestKit.of("""
          digraph S {
            start [shape=Mdiamond]
            llm [prompt="x"]
            check [shape=diamond]
            tool [shape=parallelogram, tool_command="true"]
            done [shape=Msquare]
            start -> llm -> check -> tool -> done
          }
          """, temp).run();
      assertThat(run.events(StageStarted.class)).extracting(StageStarted::nodeId, StageStarted::handlerType).containsExactly(
          org.assertj.core.groups.Tuple.tuple("start", "start"), org.assertj.core.groups.Tuple.tuple("llm", "codergen"),
          org.assertj.core.groups.Tuple.tuple("check", "conditional"), org.assertj.core.groups.Tuple.tuple("tool", "tool"),
          org.assertj.core.groups.Tuple.tuple("done", "exit"));
    }

    @Test
    void callsTheHandlerWithNodeContextGraphAndLogsRoot() {
      AtomicReference<Stage> seen = new AtomicReference<>();
      var kit = PipelineTestKit.of("""
          digraph C { start [shape=Mdiamond]; probe [type="probe"]; done [shape=Msquare]; start -> probe -> done }
          """, temp).handler("probe", stage -> {
            seen.set(stage);
            return Outcome.success();
          }).context("seed", "planted");
      var run = kit.run();
      Stage stage = seen.get();
      assertThat(stage.node().id()).isEqualTo("probe");
      assertThat(stage.context().getString("seed")).isEqualTo("planted");
      assertThat(stage.graph().name()).isEqualTo("C");
      assertThat(stage.logsRoot()).isEqualTo(run.dir().root());
      assertThat(run.result().succeeded()).isTrue();
    }

    @Test
    void writesEveryOutcomeToStatusJson() throws Exception {
      var run = PipelineTestKit.of(LINEAR, temp).run();
      for (String id : List.of("a", "b")) {
        Path status = run.dir().root().resolve(id).resolve("status.json");
        assertThat(Files.readString(status, StandardCharsets.UTF_8)).contains("\"outcome\" : \"success\"");
      }
    }

    @Test
    void selectsEdgesByTheFivePriorityOrder() {
      // Each step of 3.3 decides one hop; EdgeSelectorTest covers each step in isolation.
      var run = PipelineTestKit.of("""
          digraph P {
            start [shape=Mdiamond]
            a; b; c; d; e; done [shape=Msquare]
            start -> a
            a -> b [condition="outcome=success"]
            a -> e [weight=10]
            b -> c [label="[C] Go to C"]
            b -> e
            c -> d
            c -> e
            d -> done [weight=2]
            d -> e [weight=1]
            e -> done
          }
          """, temp).script(Map.of(
              "b", List.of(Outcome.success().withPreferredLabel("go to c")),
              "c", List.of(Outcome.success().withSuggestedNextIds(List.of("d"))))).run();
      assertThat(run.completed()).containsExactly("start", "a", "b", "c", "d", "done");
      assertThat(run.events(EdgeSelected.class)).extracting(e -> e.decision().step()).containsExactly(
          DecisionStep.WEIGHT, DecisionStep.CONDITION, DecisionStep.PREFERRED_LABEL, DecisionStep.SUGGESTED_IDS, DecisionStep.WEIGHT);
    }

    @Test
    void loopsExecuteSelectAdvanceRepeat() {
      var run = PipelineTestKit.of("""
          digraph L {
            start [shape=Mdiamond]
            work [prompt="w"]
            done [shape=Msquare]
            start -> work
            work -> work [condition="outcome=fail"]
            work -> done [condition="outcome=success"]
          }
          """, temp).script(Map.of("work", List.of(Outcome.fail("again"), Outcome.fail("again"), Outcome.success()))).run();
      assertThat(run.completed()).containsExactly("start", "work", "work", "work", "done");
    }

    @Test
    void theTerminalNodeStopsExecution() {
      var run = PipelineTestKit.of(LINEAR, temp).run();
      assertThat(run.completed().getLast()).isEqualTo("done");
      assertThat(run.events(StageStarted.class).getLast().nodeId()).isEqualTo("done");
      assertThat(run.checkpoint().next()).isEmpty();
    }

    @Test
    void theRunSucceedsOnlyWhenEveryGoalGateSucceeded() {
      String dot = """
          digraph G {
            start [shape=Mdiamond]
            gate [prompt="g", goal_gate=true]
            done [shape=Msquare]
            start -> gate -> done
          }
          """;
      var ok = PipelineTestKit.of(dot, temp.resolve("ok")).script(Map.of("gate", List.of(Outcome.partialSuccess("most of it")))).run();
      assertThat(ok.result().status()).isEqualTo(RunStatus.SUCCESS);
      var blocked = PipelineTestKit.of(dot.replace("start -> gate -> done", "start -> gate\n gate -> done [condition=\"outcome=fail\"]"),
          temp.resolve("blocked")).script(Map.of("gate", List.of(Outcome.fail("broken")))).run();
      assertThat(blocked.result().status()).isEqualTo(RunStatus.FAIL);
      assertThat(blocked.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("Goal gate unsatisfied", "gate"));
    }
  }

  @Nested
  class GoalGates_11_4 {
    static final String GATED = """
        digraph G {
          start [shape=Mdiamond]
          implement [prompt="i"]
          review [prompt="r", goal_gate=true, retry_target="implement"]
          done [shape=Msquare]
          start -> implement -> review
          review -> done [condition="outcome=success"]
          review -> done [condition="outcome=fail"]
        }
        """;

    @Test
    void goalGateNodesAreTrackedThroughoutTheRun() {
      var run = PipelineTestKit.of(GATED, temp).script(Map.of("review", List.of(Outcome.fail("no"), Outcome.success()))).run();
      assertThat(run.result().nodeOutcomes()).containsEntry("review", StageStatus.SUCCESS);
      assertThat(run.checkpoint().nodeOutcomes()).containsEntry("review", StageStatus.SUCCESS);
    }

    @Test
    void theExitChecksEveryGateForSuccessOrPartialSuccess() {
      var run = PipelineTestKit.of(GATED, temp).script(Map.of("review", List.of(Outcome.partialSuccess("close enough")))).run();
      assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(run.events(dev.darkfactory.pipeline.event.PipelineEvent.GoalGateUnsatisfied.class)).isEmpty();
    }

    @Test
    void anUnsatisfiedGateRoutesToItsRetryTarget() {
      var run = PipelineTestKit.of(GATED, temp).script(Map.of("review", List.of(Outcome.fail("no"), Outcome.success()))).run();
      assertThat(run.completed()).containsExactly("start", "implement", "review", "implement", "review", "done");
      assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    }

    @Test
    void anUnsatisfiedGateWithoutRetryTargetFailsTheRun() {
      var run = PipelineTestKit.of(GATED.replace(", retry_target=\"implement\"", ""), temp)
          .script(Map.of("review", List.of(Outcome.fail("no")))).run();
      assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
      assertThat(run.completed()).doesNotContain("done");
    }
  }

  @Nested
  class RetryLogic_11_5 {
    static final String FLAKY = """
        digraph R {
          start [shape=Mdiamond]
          flaky [prompt="f", max_retries=2]
          done [shape=Msquare]
          recover [prompt="r"]
          start -> flaky
          flaky -> done [condition="outcome=success"]
          flaky -> recover [condition="outcome=fail"]
          recover -> done
        }
        """;

    @Test
    void nodesWithMaxRetriesAreRetriedOnRetryAndFail() {
      var run = PipelineTestKit.of(FLAKY, temp)
          .script(Map.of("flaky", List.of(Outcome.retry("busy"), Outcome.fail("flake"), Outcome.success()))).run();
      assertThat(run.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("flaky")).extracting(StageStarted::attempt)
          .containsExactly(1, 2, 3);
      assertThat(run.result().nodeOutcomes()).containsEntry("flaky", StageStatus.SUCCESS);
    }

    @Test
    void theRetryCountIsTrackedPerNodeAndRespectsTheLimit() {
      var run = PipelineTestKit.of(FLAKY, temp).script(Map.of("flaky", List.of(Outcome.retry("busy")))).run();
      assertThat(run.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("flaky")).hasSize(3);
      assertThat(run.context(ContextKeys.retryCount("flaky"))).isEqualTo(2L);
      assertThat(run.checkpoint().nodeRetries()).containsEntry("flaky", 2);
    }

    @Test
    void backoffSeparatesAttempts() {
      var kit = PipelineTestKit.of(FLAKY.replace("max_retries=2", "max_retries=2, retry_policy=\"linear\""), temp)
          .script(Map.of("flaky", List.of(Outcome.retry("busy"))));
      kit.run();
      // linear: 500 ms every time, times the jitter factor in [0.5, 1.5).
      assertThat(kit.sleeper.delays()).hasSize(2).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(250), Duration.ofMillis(750)));
    }

    @Test
    void jitterVariesTheDelays() {
      Backoff backoff = new Backoff(Duration.ofMillis(1000), 1.0, Duration.ofSeconds(60), true);
      java.util.Random random = new java.util.Random(7);
      List<Duration> delays = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        delays.add(backoff.delayForAttempt(1, random));
      }
      assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500)));
      assertThat(delays.stream().distinct().count()).isGreaterThan(10);
      assertThat(backoff.withJitter(false).delayForAttempt(1, random)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void afterExhaustionTheFinalOutcomeChoosesTheEdge() {
      var run = PipelineTestKit.of(FLAKY, temp).script(Map.of("flaky", List.of(Outcome.fail("always")))).run();
      assertThat(run.completed()).containsExactly("start", "flaky", "recover", "done");
      assertThat(run.events(StageRetrying.class)).hasSize(2);
    }
  }

  @Nested
  class NodeHandlers_11_6 {
    @Test
    void startReturnsSuccessImmediately() {
      var run = PipelineTestKit.of(LINEAR, temp).run();
      assertThat(run.result().nodeOutcomes()).containsEntry("begin", StageStatus.SUCCESS);
    }

    @Test
    void exitReturnsSuccessAndTheEngineChecksGoalGates() {
      var run = PipelineTestKit.of(LINEAR, temp).run();
      assertThat(run.result().nodeOutcomes()).containsEntry("done", StageStatus.SUCCESS);
    }

    @Test
    void codergenExpandsGoalCallsTheBackendAndWritesPromptAndResponse() throws Exception {
      List<String> prompts = new ArrayList<>();
      var run = PipelineTestKit.of(LINEAR, temp).backend(request -> {
        prompts.add(request.prompt());
        return CodergenResult.text("done: " + request.node().id());
      }).run();
      assertThat(prompts).containsExactly("Do a for ship", "Do b");
      Path a = run.dir().root().resolve("a");
      assertThat(Files.readString(a.resolve("prompt.md"))).isEqualTo("Do a for ship");
      assertThat(Files.readString(a.resolve("response.md"))).isEqualTo("done: a");
      assertThat(run.context(ContextKeys.LAST_STAGE)).isEqualTo("b");
      assertThat(run.context(ContextKeys.LAST_RESPONSE)).isEqualTo("done: b");
    }

    @Test
    void lastResponseKeepsTheFirst200CharactersAndResponseMdTheWhole() throws Exception {
      String longAnswer = "a".repeat(150) + "b".repeat(150);
      var run = PipelineTestKit.of(LINEAR, temp).backend(request -> CodergenResult.text(longAnswer)).run();
      assertThat(Files.readString(run.dir().root().resolve("b").resolve("response.md"))).isEqualTo(longAnswer);
      assertThat(run.context(ContextKeys.LAST_RESPONSE)).isEqualTo("a".repeat(150) + "b".repeat(50));
    }

    @Test
    void waitHumanPresentsTheEdgesAndReturnsTheChoiceAsPreferredLabel() {
      var run = PipelineTestKit.of("""
          digraph H {
            start [shape=Mdiamond]
            gate [shape=hexagon, label="Ship it?"]
            ship; fix; done [shape=Msquare]
            start -> gate
            gate -> ship [label="[A] Approve"]
            gate -> fix [label="[F] Fix"]
            ship -> done
            fix -> done
          }
          """, temp).interviewer(QueueInterviewer.of(Answer.text("F"))).run();
      assertThat(run.completed()).containsExactly("start", "gate", "fix", "done");
      assertThat(run.context(ContextKeys.PREFERRED_LABEL)).isEqualTo("[F] Fix");
      assertThat(run.context(ContextKeys.HUMAN_GATE_SELECTED)).isEqualTo("F");
    }

    @Test
    void conditionalPassesThroughAndTheEngineEvaluatesItsEdges() {
      var run = PipelineTestKit.of("""
          digraph B {
            start [shape=Mdiamond]
            validate [prompt="v"]
            gate [shape=diamond]
            implement [prompt="i"]
            done [shape=Msquare]
            start -> validate -> gate
            gate -> done [condition="outcome=success"]
            gate -> implement [condition="outcome!=success"]
            implement -> validate
          }
          """, temp).script(Map.of("validate", List.of(Outcome.fail("tests red"), Outcome.success()))).run();
      assertThat(run.completed()).containsExactly("start", "validate", "gate", "implement", "validate", "gate", "done");
    }

    @Test
    void parallelFansOutToItsTargetsConcurrently() {
      var run = PipelineTestKit.of(ParallelTest.FAN, temp).run();
      assertThat(run.events(ParallelBranchStarted.class)).extracting(ParallelBranchStarted::branch).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void fanInWaitsForEveryBranch() {
      var run = PipelineTestKit.of(ParallelTest.FAN, temp).run();
      assertThat(run.completed()).containsExactly("start", "fan", "join", "done");
      assertThat((List<?>) run.context(ContextKeys.PARALLEL_RESULTS)).hasSize(3);
    }

    @Test
    void toolRunsItsCommandAndReturnsTheResult() {
      var run = PipelineTestKit.of("""
          digraph T { start [shape=Mdiamond]; t [shape=parallelogram, tool_command="echo hello"]; done [shape=Msquare]; start -> t -> done }
          """, temp).run();
      assertThat(run.context(ContextKeys.TOOL_OUTPUT)).isEqualTo("hello\n");
      assertThat(run.context(ContextKeys.TOOL_EXIT_CODE)).isEqualTo(0L);
    }

    @Test
    void customHandlersAreRegisteredByTypeString() {
      var run = PipelineTestKit.of("""
          digraph C { start [shape=Mdiamond]; x [type="stamp"]; done [shape=Msquare]; start -> x -> done }
          """, temp).handler("stamp", stage -> Outcome.success().withContextUpdate("stamped", stage.node().id())).run();
      assertThat(run.context("stamped")).isEqualTo("x");
      assertThat(run.events(StageStarted.class).get(1).handlerType()).isEqualTo("stamp");
    }
  }

  @Nested
  class StateAndContext_11_7 {
    @Test
    void everyHandlerSeesTheContext() {
      List<String> seen = new ArrayList<>();
      PipelineTestKit.of(LINEAR, temp).context("ticket", "T-1").backend(request -> {
        seen.add(request.context().getString("ticket"));
        return CodergenResult.text("ok");
      }).run();
      assertThat(seen).containsExactly("T-1", "T-1");
    }

    @Test
    void handlersReadTheContextAndReturnUpdates() {
      var run = PipelineTestKit.of(LINEAR, temp).backend(request -> CodergenResult.outcome(Outcome.success()
          .withContextUpdate("count", request.context().get("count").map(v -> (Long) v + 1).orElse(1L)))).run();
      assertThat(run.context("count")).isEqualTo(2L);
    }

    @Test
    void updatesAreMergedAfterEachNodeAndVisibleToTheNext() {
      List<Object> seenByB = new ArrayList<>();
      PipelineTestKit.of(LINEAR, temp).backend(request -> {
        if (request.node().id().equals("b")) {
          seenByB.add(request.context().get("from_a").orElse("missing"));
        }
        return CodergenResult.outcome(Outcome.success().withContextUpdate("from_" + request.node().id(), "yes"));
      }).run();
      assertThat(seenByB).containsExactly("yes");
    }

    @Test
    void aCheckpointIsSavedAfterEveryNode() {
      var run = PipelineTestKit.of(LINEAR, temp).context("k", "v").run();
      assertThat(run.events(CheckpointSaved.class)).extracting(CheckpointSaved::nodeId).containsExactly("begin", "a", "b", "done");
      Checkpoint checkpoint = run.checkpoint();
      assertThat(checkpoint.currentNode()).isEqualTo("done");
      assertThat(checkpoint.completedNodes()).containsExactly("begin", "a", "b", "done");
      assertThat(checkpoint.contextValues()).containsEntry("k", "v");
      assertThat(checkpoint.nodeRetries()).isEmpty();
    }

    @Test
    void resumeLoadsRestoresAndContinues() {
      // ResumeTest covers resume in depth; here the checklist item end to end.
      var kit = PipelineTestKit.of(LINEAR.replace("b [prompt=\"Do b\"]", "b [type=\"halt\"]"), temp);
      java.util.concurrent.atomic.AtomicBoolean halt = new java.util.concurrent.atomic.AtomicBoolean(true);
      kit.handler("halt", stage -> {
        if (halt.get()) {
          throw new dev.darkfactory.pipeline.handler.StopRunException(dev.darkfactory.pipeline.state.StopReason.cancelled("pause"));
        }
        return Outcome.success();
      });
      var first = kit.run();
      assertThat(first.result().status()).isEqualTo(RunStatus.STOPPED);
      halt.set(false);
      var second = kit.resume();
      assertThat(second.result().status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(second.completed()).containsExactly("begin", "a", "b", "done");
      assertThat(second.events(StageStarted.class)).extracting(StageStarted::nodeId).containsExactly("b", "done");
    }

    @Test
    void stageArtifactsAreWrittenUnderTheNodeDirectory() {
      var run = PipelineTestKit.of(LINEAR, temp).run();
      for (String file : List.of("prompt.md", "response.md", "status.json")) {
        assertThat(run.dir().root().resolve("a").resolve(file)).exists();
      }
    }
  }
}
