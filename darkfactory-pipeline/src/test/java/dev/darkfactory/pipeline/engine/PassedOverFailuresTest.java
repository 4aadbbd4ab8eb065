package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.event.PipelineEvent.PipelineCompleted;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.testing.SpecExamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that reaches its exit past a failed stage (its failure went on along an unconditional
 * edge) ends {@code success_with_failures} and names the stage; a failure that a condition, a
 * conditional node or a retry target routed is handled, and one that was later made good is gone.
 */
class PassedOverFailuresTest {
  @TempDir Path temp;

  private static final String PLAIN = """
      digraph P {
        start   [shape=Mdiamond]
        draft   [prompt="draft"]
        publish [prompt="publish"]
        done    [shape=Msquare]
        start -> draft -> publish -> done
      }
      """;

  @Test
  void aFailureThatFlowsAlongAPlainEdgeToTheExitIsPassedOverAndSaysSoEverywhere() throws Exception {
    var run = PipelineTestKit.of(PLAIN, temp).script(Map.of("publish", List.of(Outcome.fail("cp: cannot stat 'CHANGELOG.md'")))).run();

    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS_WITH_FAILURES);
    assertThat(run.result().failedStages()).containsExactly("publish");
    assertThat(run.result().failureReason()).isEmpty();
    assertThat(run.result().outcome().notes()).isEqualTo("Pipeline completed, passing over failed stages: publish");
    assertThat(run.result().succeeded()).isFalse();
    assertThat(run.result().status().isSuccess()).as("3.2 still calls it a success").isTrue();
    assertThat(run.events(PipelineCompleted.class)).singleElement().satisfies(e -> assertThat(e.failedStages()).containsExactly("publish"));
    assertThat(run.checkpoint().status()).isEqualTo(RunStatus.SUCCESS_WITH_FAILURES);
    assertThat(run.dir().readManifest().orElseThrow().status()).isEqualTo(RunStatus.SUCCESS_WITH_FAILURES);
    assertThat(Files.readString(run.dir().eventsFile())).contains("\"type\":\"PipelineCompleted\"", "\"failed_stages\":[\"publish\"]");
  }

  @Test
  void aStageThatFailsEarlyAndIsPassedOverCountsEvenIfLaterStagesSucceed() {
    var run = PipelineTestKit.of(PLAIN, temp).script(Map.of("draft", List.of(Outcome.fail("no draft")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS_WITH_FAILURES);
    assertThat(run.result().failedStages()).containsExactly("draft");
  }

  @Test
  void aSuccessfulRunHasNoFailedStages() {
    var run = PipelineTestKit.of(PLAIN, temp).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.result().failedStages()).isEmpty();
    assertThat(run.events(PipelineCompleted.class)).singleElement().satisfies(e -> assertThat(e.failedStages()).isEmpty());
    assertThat(run.result().context()).doesNotContainKeys("internal.passed_over", "internal.passed_over.pending");
  }

  @Test
  void aFailureRoutedByAConditionIsHandledNotPassedOver() {
    var run = PipelineTestKit.of("""
        digraph R {
          start   [shape=Mdiamond]
          risky   [prompt="risky"]
          recover [prompt="recover"]
          done    [shape=Msquare]
          start -> risky
          risky -> done [condition="outcome=success"]
          risky -> recover [condition="outcome=fail"]
          recover -> done
        }
        """, temp).script(Map.of("risky", List.of(Outcome.fail("broke")))).run();
    assertThat(run.completed()).containsExactly("start", "risky", "recover", "done");
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void aConditionalNodeThatRoutesTheFailureHandlesItAndOneThatPassesItOnDoesNot() {
    // 2.13's branching example: validate fails, flows into the diamond, which sends it back to implement; then it passes.
    var branching = PipelineTestKit.of(SpecExamples.BRANCHING, temp.resolve("branching"))
        .script(Map.of("validate", List.of(Outcome.fail("tests red"), Outcome.success()))).run();
    assertThat(branching.completed()).containsSubsequence("validate", "gate", "implement", "validate", "gate", "exit");
    assertThat(branching.result().status()).isEqualTo(RunStatus.SUCCESS);

    var through = PipelineTestKit.of("""
        digraph T {
          start [shape=Mdiamond]
          work  [prompt="w"]
          gate  [shape=diamond]
          done  [shape=Msquare]
          start -> work -> gate -> done
        }
        """, temp.resolve("through")).script(Map.of("work", List.of(Outcome.fail("broke")))).run();
    assertThat(through.result().status()).isEqualTo(RunStatus.SUCCESS_WITH_FAILURES);
    assertThat(through.result().failedStages()).as("the diamond only passed the status on").containsExactly("work");
  }

  @Test
  void aRetryTargetHandlesTheFailureAndALaterSuccessMakesItGood() {
    var run = PipelineTestKit.of("""
        digraph L {
          start [shape=Mdiamond]
          work  [prompt="w", retry_target="fix", max_retries=0]
          fix   [prompt="f"]
          done  [shape=Msquare]
          start -> work -> done
          work -> fix [condition="outcome=skipped"]
          fix -> work
        }
        """, temp).script(Map.of("work", List.of(Outcome.fail("first try"), Outcome.success()))).run();
    assertThat(run.completed()).containsExactly("start", "work", "fix", "work", "done");
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void whatWasPassedOverSurvivesAStopAndAResume() {
    String dot = """
        digraph S {
          start   [shape=Mdiamond]
          publish [prompt="publish"]
          check   [type="halt"]
          done    [shape=Msquare]
          start -> publish -> check -> done
        }
        """;
    Halt halt = new Halt();
    var kit = PipelineTestKit.of(dot, temp).handler("halt", halt).script(Map.of("publish", List.of(Outcome.fail("broke"))));
    assertThat(kit.run().result().status()).isEqualTo(RunStatus.STOPPED);
    halt.armed.set(false);
    var resumed = kit.resume();
    assertThat(resumed.result().status()).isEqualTo(RunStatus.SUCCESS_WITH_FAILURES);
    assertThat(resumed.result().failedStages()).containsExactly("publish");
  }
}
