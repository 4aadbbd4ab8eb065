package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.pipeline.event.PipelineEvent.GoalGateUnsatisfied;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineFailed;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStarted;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.testkit.process.PidFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounds the spec leaves open (peer lessons: "a fallback route that looped 1,921 times in 120
 * s"): visits per node, goal-gate retries, restarts and wall-clock time. Each ends the run with FAIL (the wall clock: stopped, resumable)
 * and names the bound and the node.
 */
class BoundsTest {
  @TempDir Path temp;

  static final String LOOP = """
      digraph L {
        start [shape=Mdiamond]
        work [prompt="w"]
        done [shape=Msquare]
        start -> work
        work -> work [condition="outcome=fail"]
        work -> done [condition="outcome=success"]
      }
      """;

  @Test
  void theNodesMaxVisitsEndsALoop() {
    var run = PipelineTestKit.of(LOOP.replace("work [prompt=\"w\"]", "work [prompt=\"w\", max_visits=4]"), temp)
        .script(Map.of("work", List.of(Outcome.fail("never passes")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("node 'work'", "max_visits=4"));
    assertThat(run.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("work")).hasSize(4);
    assertThat(run.events(PipelineFailed.class).getFirst().nodeId()).contains("work");
  }

  @Test
  void theGraphsMaxVisitsIsTheDefault() {
    var run = PipelineTestKit.of(LOOP.replace("digraph L {", "digraph L { graph [max_visits=2]"), temp)
        .script(Map.of("work", List.of(Outcome.fail("never passes")))).run();
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("max_visits=2"));
  }

  @Test
  void theEngineDefaultBoundsPipelinesThatSetNothing() {
    var run = PipelineTestKit.of(LOOP, temp).limits(RunLimits.defaults().withMaxVisits(7))
        .script(Map.of("work", List.of(Outcome.fail("never passes")))).run();
    assertThat(run.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("work")).hasSize(7);
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("max_visits=7"));
  }

  @Test
  void aFallbackRouteThatAlwaysFailsIsBounded() {
    var run = PipelineTestKit.of("""
        digraph F {
          graph [max_visits=3]
          start [shape=Mdiamond]
          a [prompt="a", retry_target="b"]
          b [prompt="b", fallback_retry_target="a"]
          done [shape=Msquare]
          start -> a
          a -> done [condition="outcome=success"]
          a -> b [condition="context.never=1"]
          b -> done [condition="outcome=success"]
        }
        """, temp).script(Map.of("a", List.of(Outcome.fail("no")), "b", List.of(Outcome.fail("no")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.completed()).containsExactly("start", "a", "b", "a", "b", "a", "b");
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("max_visits=3"));
  }

  @Test
  void goalGateRetriesAreBounded() {
    var run = PipelineTestKit.of("""
        digraph G {
          graph [max_goal_gate_retries=2]
          start [shape=Mdiamond]
          gate [prompt="g", goal_gate=true, retry_target="gate"]
          done [shape=Msquare]
          start -> gate
          gate -> done [condition="outcome=success"]
          gate -> done [condition="outcome=fail"]
        }
        """, temp).script(Map.of("gate", List.of(Outcome.fail("still broken")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("goal gate 'gate'", "max_goal_gate_retries=2"));
    assertThat(run.events(GoalGateUnsatisfied.class)).hasSize(3);
    assertThat(run.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("gate")).hasSize(3);
  }

  @Test
  void theWallClockLimitIsCheckedBetweenStages() {
    // A clock that moves a minute each time it is read: the 5-minute limit passes after a few stages.
    Clock ticking = new Clock() {
      private Instant now = Instant.parse("2026-01-01T00:00:00Z");

      @Override
      public synchronized Instant instant() {
        now = now.plus(Duration.ofMinutes(1));
        return now;
      }

      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
    var run = PipelineTestKit.of(LOOP.replace("digraph L {", "digraph L { graph [timeout=\"5m\", max_visits=100]"), temp).clock(ticking)
        .script(Map.of("work", List.of(Outcome.fail("again")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(run.result().stopReason()).hasValueSatisfying(r -> {
      assertThat(r.code()).isEqualTo("timeout");
      assertThat(r.resumable()).isTrue();
      assertThat(r.message()).contains("wall-clock limit (timeout=5m)");
    });
  }

  @Test
  void theWallClockLimitStopsAStageThatRunsTooLong() {
    // The limit leaves a loaded machine ample time to reach the stage, and the stage's command far too little.
    PidFile pids = PidFile.at(temp.resolve("slow.pids"));
    var run = PipelineTestKit.of("""
        digraph T {
          graph [timeout="3s"]
          start [shape=Mdiamond]
          slow [shape=parallelogram, tool_command="RECORD_SHELL; sleep 300 & RECORD_SLEEP; wait"]
          done [shape=Msquare]
          start -> slow -> done
        }
        """.replace("RECORD_SHELL", pids.append("$$")).replace("RECORD_SLEEP", pids.append("$!")), temp).run();
    try {
      assertThat(run.result().status()).isEqualTo(RunStatus.STOPPED);
      assertThat(run.result().stopReason()).hasValueSatisfying(r -> assertThat(r.message()).contains("timeout=3s"));
      assertThat(run.events().ofType(dev.darkfactory.pipeline.event.PipelineEvent.PipelineStopped.class))
          .singleElement().satisfies(e -> assertThat(e.resumeAt()).contains("slow"));
      assertThat(run.result().completedNodes()).doesNotContain("slow");
      // The run's failure reason names the bound and the node it cut off.
      assertThat(run.result().failureReason()).hasValue("stopped at node 'slow': the run exceeded its wall-clock limit (timeout=3s)");
      assertThat(pids.pids()).as("the stage's command ran").hasSize(2);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).as("the stage's command was killed").isEmpty());
    } finally {
      pids.destroyAll();
    }
  }

  @Test
  void loopRestartsAreBounded() {
    var run = PipelineTestKit.of("""
        digraph R {
          graph [max_restarts=2]
          start [shape=Mdiamond]
          work [prompt="w"]
          done [shape=Msquare]
          start -> work
          work -> work [loop_restart=true, condition="outcome=fail"]
          work -> done [condition="outcome=success"]
        }
        """, temp).script(Map.of("work", List.of(Outcome.fail("again")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("max_restarts=2"));
    assertThat(run.result().logsRoot()).endsWith(Path.of("restart-2"));
  }
}
