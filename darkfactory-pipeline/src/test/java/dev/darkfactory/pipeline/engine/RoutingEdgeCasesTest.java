package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.backend.RetryableFailure;
import dev.darkfactory.pipeline.event.DecisionStep;
import dev.darkfactory.pipeline.event.PipelineEvent.EdgeSelected;
import dev.darkfactory.pipeline.event.PipelineEvent.StageCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageFailed;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStarted;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing traps other implementations fell into (shared/reference/peer-lessons.md), one test each. */
class RoutingEdgeCasesTest {
  @TempDir Path temp;

  @Test
  void aGoalGateIsCheckedAgainAfterTheFixAndItsNewStatusCounts() {
    var run = PipelineTestKit.of("""
        digraph G {
          start [shape=Mdiamond]
          fix [prompt="f"]
          check [prompt="c", goal_gate=true, retry_target="fix"]
          done [shape=Msquare]
          start -> check
          check -> done
          fix -> check
          start -> fix [condition="context.never=1"]
        }
        """.replace("check -> done", "check -> done [condition=\"outcome=success\"]\n check -> done [condition=\"outcome=fail\"]"), temp)
        .script(Map.of("check", List.of(Outcome.fail("red"), Outcome.success()))).run();
    assertThat(run.completed()).containsExactly("start", "check", "fix", "check", "done");
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  static final String DEAD_END = """
      digraph D {
        start [shape=Mdiamond]
        impl [prompt="i", goal_gate=true RETRY]
        check [prompt="c"]
        done [shape=Msquare]
        start -> impl -> check
        check -> done [condition="outcome=fail"]
      }
      """;

  @Test
  void aRunThatEndsShortOfTheExitStillAnswersToItsGoalGates() {
    // 3.2 ends the run where no edge applies; 11.3 makes its outcome depend on the goal gates all the same.
    var run = PipelineTestKit.of(DEAD_END.replace(" RETRY", ""), temp)
        .script(Map.of("impl", List.of(Outcome.fail("broken")))).run();
    assertThat(run.completed()).containsExactly("start", "impl", "check");
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("goal gate 'impl' ended with fail"));
    assertThat(run.events(dev.darkfactory.pipeline.event.PipelineEvent.GoalGateUnsatisfied.class)).singleElement()
        .satisfies(e -> assertThat(e.gateNodeId()).isEqualTo("impl"));
  }

  @Test
  void atADeadEndAnUnsatisfiedGateSendsTheRunToItsRetryTarget() {
    var run = PipelineTestKit.of(DEAD_END.replace(" RETRY", ", retry_target=\"impl\""), temp)
        // SKIPPED leaves the gate unsatisfied without the failure routing of 3.7 taking the run elsewhere first.
        .script(Map.of("impl", List.of(Outcome.skipped("not yet"), Outcome.success()))).run();
    assertThat(run.completed()).containsExactly("start", "impl", "check", "impl", "check");
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void aDeadEndWithSatisfiedGatesEndsTheRunAsTheSpecSays() {
    var run = PipelineTestKit.of(DEAD_END.replace(" RETRY", ""), temp).run();
    assertThat(run.completed()).containsExactly("start", "impl", "check");
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void skippedDoesNotSatisfyAGoalGate() {
    var run = PipelineTestKit.of("""
        digraph S {
          start [shape=Mdiamond]
          gate [prompt="g", goal_gate=true]
          done [shape=Msquare]
          start -> gate -> done
        }
        """, temp).script(Map.of("gate", List.of(Outcome.skipped("nothing to do")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("'gate' ended with skipped"));
  }

  static final String THROWS = """
      digraph X {
        start [shape=Mdiamond]
        risky [type="boom", max_retries=2]
        recover [prompt="r"]
        done [shape=Msquare]
        start -> risky
        risky -> done [condition="outcome=success"]
        risky -> recover [condition="outcome=fail"]
        recover -> done
      }
      """;

  @Test
  void aHandlerExceptionIsFailNotRetryAndTheEngineCarriesOn() {
    var run = PipelineTestKit.of(THROWS, temp).handler("boom", stage -> {
      throw new IllegalStateException("the disk is on fire");
    }).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("risky", StageStatus.FAIL);
    assertThat(run.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("risky")).hasSize(1);
    assertThat(run.events(StageFailed.class)).singleElement().satisfies(e -> {
      assertThat(e.error()).contains("the disk is on fire", "IllegalStateException");
      assertThat(e.willRetry()).isFalse();
    });
    assertThat(run.completed()).containsExactly("start", "risky", "recover", "done");
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  static final class Transient extends RuntimeException implements RetryableFailure {
    Transient(String message) {
      super(message);
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }

  @Test
  void aTransientExceptionIsRetried() {
    int[] calls = {0};
    var run = PipelineTestKit.of(THROWS, temp).handler("boom", stage -> {
      if (++calls[0] < 3) {
        throw new Transient("429 rate limited");
      }
      return Outcome.success();
    }).run();
    assertThat(calls[0]).isEqualTo(3);
    assertThat(run.result().nodeOutcomes()).containsEntry("risky", StageStatus.SUCCESS);
  }

  @Test
  void aHandlerReturningNothingFails() {
    var run = PipelineTestKit.of(THROWS, temp).handler("boom", stage -> null).run();
    assertThat(run.events(StageFailed.class).getFirst().error()).contains("returned no outcome");
  }

  static final String ROUTES = """
      digraph R {
        start [shape=Mdiamond]
        work [prompt="w", retry_target="rt", fallback_retry_target="fb"]
        rt [prompt="rt"]
        fb [prompt="fb"]
        plain [prompt="p"]
        done [shape=Msquare]
        start -> work
        work -> plain
        work -> FAILEDGE
        rt -> done
        fb -> done
        plain -> done
        start -> rt [condition="context.never=1"]
        start -> fb [condition="context.never=1"]
      }
      """;

  private PipelineTestKit.Run failing(String dot) {
    return PipelineTestKit.of(dot, temp).script(Map.of("work", List.of(Outcome.fail("broken")))).run();
  }

  @Test
  void failureRoutingPrefersAFailEdge() {
    var run = failing(ROUTES.replace("work -> FAILEDGE", "work -> fb [condition=\"outcome=fail\"]"));
    assertThat(run.completed()).containsSequence("work", "fb");
    assertThat(run.events(EdgeSelected.class)).filteredOn(e -> e.decision().fromNode().equals("work"))
        .singleElement().satisfies(e -> assertThat(e.decision().step()).isEqualTo(DecisionStep.CONDITION));
  }

  @Test
  void thenTheRetryTarget() {
    var run = failing(ROUTES.replace("work -> FAILEDGE", ""));
    assertThat(run.completed()).containsSequence("work", "rt");
    assertThat(run.events(EdgeSelected.class)).filteredOn(e -> e.decision().fromNode().equals("work"))
        .singleElement().satisfies(e -> assertThat(e.decision().step()).isEqualTo(DecisionStep.RETRY_TARGET));
  }

  @Test
  void thenTheFallbackRetryTarget() {
    var run = failing(ROUTES.replace("work -> FAILEDGE", "").replace("retry_target=\"rt\", ", ""));
    assertThat(run.completed()).containsSequence("work", "fb");
  }

  @Test
  void thenThePlainEdgesAsThreeTwoDoesAndTheAuditSaysSo() {
    var run = failing(ROUTES.replace("work -> FAILEDGE", "").replace(", retry_target=\"rt\", fallback_retry_target=\"fb\"", ""));
    assertThat(run.completed()).containsSequence("work", "plain");
    assertThat(run.events(EdgeSelected.class)).filteredOn(e -> e.decision().fromNode().equals("work"))
        .singleElement().satisfies(e -> {
          assertThat(e.decision().outcome()).isEqualTo(StageStatus.FAIL);
          assertThat(e.decision().step()).isEqualTo(DecisionStep.WEIGHT);
        });
  }

  @Test
  void withNoRouteAtAllTheRunFailsWithTheStagesReason() {
    var run = PipelineTestKit.of("""
        digraph N {
          start [shape=Mdiamond]
          work [prompt="w"]
          done [shape=Msquare]
          start -> work
          work -> done [condition="outcome=success"]
        }
        """, temp).script(Map.of("work", List.of(Outcome.fail("compiler error in Foo.java")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.result().failureReason()).contains("compiler error in Foo.java");
    assertThat(run.result().finalNode()).isEqualTo("work");
  }

  @Test
  void retryOnFailCanBeTurnedOffForThreeFiveBehaviour() {
    String dot = """
        digraph F {
          graph [retry_on_fail=false]
          start [shape=Mdiamond]
          flaky [prompt="f", max_retries=3]
          done [shape=Msquare]
          start -> flaky -> done
        }
        """;
    var run = PipelineTestKit.of(dot, temp).script(Map.of("flaky", List.of(Outcome.fail("x"), Outcome.success()))).run();
    assertThat(run.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("flaky")).hasSize(1);
  }

  @Test
  void allowPartialAcceptsExhaustedRetries() {
    var run = PipelineTestKit.of("""
        digraph P {
          start [shape=Mdiamond]
          slow [prompt="s", max_retries=1, allow_partial=true]
          done [shape=Msquare]
          start -> slow -> done
        }
        """, temp).script(Map.of("slow", List.of(Outcome.retry("not yet")))).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("slow", StageStatus.PARTIAL_SUCCESS);
    assertThat(run.dir().root().resolve("slow/status.json")).content().contains("partial_success", "retries exhausted, partial accepted");
  }

  @Test
  void exhaustedRetriesWithoutAllowPartialFail() {
    var run = PipelineTestKit.of("""
        digraph P {
          start [shape=Mdiamond]
          slow [prompt="s", max_retries=1]
          done [shape=Msquare]
          start -> slow
          slow -> done [condition="outcome=success"]
        }
        """, temp).script(Map.of("slow", List.of(Outcome.retry("not yet")))).run();
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("max retries exceeded: not yet"));
  }

  @Test
  void aStatusFileWrittenByTheAgentIsTheOutcome() {
    var run = PipelineTestKit.of("""
        digraph A { start [shape=Mdiamond]; agent [prompt="a"]; fixit [prompt="f"]; done [shape=Msquare]
          start -> agent
          agent -> done [condition="outcome=success"]
          agent -> fixit [condition="outcome=fail"]
          fixit -> done }
        """, temp).backend(request -> {
          Files.writeString(request.stageDir().resolve("status.json"),
              "{\"outcome\": \"fail\", \"failure_reason\": \"tests red\", \"context_updates\": {\"red\": 3}}", StandardCharsets.UTF_8);
          return CodergenResult.text("I tried");
        }).run();
    assertThat(run.completed()).containsSequence("agent", "fixit");
    assertThat(run.context("red")).isEqualTo(3L);
  }

  @Test
  void aStatusFileLeftFromAnEarlierVisitOrProcessIsNeverTheOutcome() throws Exception {
    // The agent answers with text and writes status.json on its second call only. A file left in the stage directory
    // before the run (by a crashed process) and the one the engine wrote after the second visit must not be taken for
    // one the agent wrote on the first or third call.
    String dot = """
        digraph A { start [shape=Mdiamond]; agent [prompt="a"]; done [shape=Msquare]
          start -> agent
          agent -> agent [condition="context.last_response!=3"]
          agent -> done [condition="context.last_response=3"] }
        """;
    Files.writeString(Files.createDirectories(temp.resolve("run").resolve("agent")).resolve("status.json"),
        "{\"outcome\": \"fail\", \"failure_reason\": \"stale\"}");
    int[] calls = {0};
    var run = PipelineTestKit.of(dot, temp).backend(request -> {
      calls[0]++;
      if (calls[0] == 2) {
        Files.writeString(request.stageDir().resolve("status.json"), "{\"outcome\": \"partial_success\"}");
      }
      return CodergenResult.text(String.valueOf(calls[0]));
    }).run();
    assertThat(run.events(StageCompleted.class)).filteredOn(e -> e.nodeId().equals("agent")).extracting(StageCompleted::status)
        .containsExactly(StageStatus.SUCCESS, StageStatus.PARTIAL_SUCCESS, StageStatus.SUCCESS);
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void autoStatusSynthesisesSuccessWhenNothingWasWritten() {
    var run = PipelineTestKit.of("""
        digraph A { start [shape=Mdiamond]; agent [prompt="a", auto_status=true]; done [shape=Msquare]; start -> agent -> done }
        """, temp).backend(request -> CodergenResult.text("done")).run();
    assertThat(run.dir().root().resolve("agent/status.json")).content().contains("auto-status: handler completed without writing status");
  }
}
