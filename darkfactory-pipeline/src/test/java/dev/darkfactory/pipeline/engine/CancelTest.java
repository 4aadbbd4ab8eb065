package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineStopped;
import dev.darkfactory.pipeline.event.RecordingListener;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.QueueInterviewer;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StopReason;
import dev.darkfactory.testkit.process.PidFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a run from outside, and resumable stops from inside (a named stop reason). */
class CancelTest {
  @TempDir Path temp;
  private PidFile pids;

  @AfterEach
  void killWhatATestLeftRunning() {
    if (pids != null) {
      pids.destroyAll();
    }
  }

  @ParameterizedTest
  @EnumSource(RunThreads.class)
  void aRunsThreadNeverKeepsTheJvmAlive(RunThreads kind) {
    // A caller that gives up on a run can still exit, whichever kind of thread the run has.
    Thread[] thread = {null};
    var run = PipelineTestKit.of("digraph D { start [shape=Mdiamond]; work [type=\"probe\"]; done [shape=Msquare]; start -> work -> done }", temp)
        .runThreads(kind)
        .handler("probe", stage -> {
          thread[0] = Thread.currentThread();
          return dev.darkfactory.pipeline.state.Outcome.success();
        }).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(thread[0].isDaemon()).isTrue();
    assertThat(thread[0].isVirtual()).isEqualTo(kind == RunThreads.VIRTUAL);
    assertThat(thread[0].getName()).isEqualTo("run-" + run.result().runId());
  }

  @Test
  void cancellingMidStageKillsTheCommandCheckpointsAndResumesThere() throws Exception {
    Path skip = temp.resolve("skip-sleep");
    pids = PidFile.at(temp.resolve("slow.pids"));
    String dot = """
        digraph C {
          start [shape=Mdiamond]
          before [prompt="b"]
          slow [shape=parallelogram, tool_command="test -f SKIP || { RECORD_SHELL; sleep 300 & RECORD_SLEEP; wait; }"]
          done [shape=Msquare]
          start -> before -> slow -> done
        }
        """.replace("SKIP", skip.toString()).replace("RECORD_SHELL", pids.append("$$")).replace("RECORD_SLEEP", pids.append("$!"));
    var kit = PipelineTestKit.of(dot, temp);
    CountDownLatch slowStarted = new CountDownLatch(1);
    RecordingListener events = new RecordingListener();
    RunHandle handle = kit.engine(event -> {
      events.onEvent(event);
      if (event instanceof PipelineEvent.StageStarted s && s.nodeId().equals("slow")) {
        slowStarted.countDown();
      }
    }).start(kit.graph(), kit.options());
    assertThat(slowStarted.await(60, TimeUnit.SECONDS)).isTrue();
    // Stop once the command runs (it has recorded both PIDs), so the stop has a command to kill.
    await().atMost(Duration.ofSeconds(60)).until(() -> pids.pids().size() == 2);
    handle.cancel(StopReason.cancelled("the user pressed stop"));
    RunResult stopped = handle.await();

    assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(stopped.stopReason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("cancelled"));
    assertThat(stopped.completedNodes()).containsExactly("start", "before");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).as("the command was killed").isEmpty());
    Checkpoint checkpoint = dev.darkfactory.pipeline.state.RunDirectory.at(kit.logsRoot()).checkpoints().load().orElseThrow();
    assertThat(checkpoint.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(checkpoint.next()).hasValueSatisfying(n -> assertThat(n.nodeId()).isEqualTo("slow"));
    assertThat(events.ofType(PipelineStopped.class)).singleElement().satisfies(e -> assertThat(e.resumeAt()).contains("slow"));

    Files.createFile(skip);
    var resumed = kit.resume();
    assertThat(resumed.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(resumed.completed()).containsExactly("start", "before", "slow", "done");
  }

  @Test
  void aHumanGateWithNobodyToAskStopsTheRunResumably() {
    String dot = """
        digraph H {
          start [shape=Mdiamond]
          approve [shape=hexagon, label="Ship?"]
          ship [prompt="s"]
          done [shape=Msquare]
          start -> approve
          approve -> ship [label="[Y] Yes"]
          approve -> done [label="[N] No"]
          ship -> done
        }
        """;
    var first = PipelineTestKit.of(dot, temp).run();
    assertThat(first.result().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(first.result().stopReason()).hasValueSatisfying(r -> {
      assertThat(r.code()).isEqualTo("needs_human");
      assertThat(r.message()).contains("human gate 'approve' needs an answer");
    });
    var resumed = PipelineTestKit.of(dot, temp).interviewer(QueueInterviewer.of(Answer.text("Y"))).resume();
    assertThat(resumed.completed()).containsExactly("start", "approve", "ship", "done");
  }

  @Test
  void theStageInFlightEndsWithAStageStoppedEventNotAsRunning() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    var kit = PipelineTestKit.of("digraph D { start [shape=Mdiamond]; work [type=\"block\"]; done [shape=Msquare]; start -> work -> done }", temp)
        .handler("block", stage -> {
          started.countDown();
          new CountDownLatch(1).await(); // until the stop interrupts it
          return dev.darkfactory.pipeline.state.Outcome.success();
        });
    RecordingListener events = new RecordingListener();
    RunHandle handle = kit.engine(events).start(kit.graph(), kit.options());
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
    handle.cancel(StopReason.cancelled("stopped from the test"));
    assertThat(handle.await().status()).isEqualTo(RunStatus.STOPPED);

    PipelineEvent.StageStarted work = events.ofType(PipelineEvent.StageStarted.class).getLast();
    assertThat(events.ofType(PipelineEvent.StageStopped.class)).singleElement().satisfies(stop -> {
      assertThat(stop.nodeId()).isEqualTo("work");
      assertThat(stop.index()).isEqualTo(work.index());
      assertThat(stop.reason().code()).isEqualTo("cancelled");
      assertThat(stop.reason().message()).isEqualTo("stopped from the test");
    });
    assertThat(events.ofType(PipelineEvent.StageFailed.class)).isEmpty();
    assertThat(events.ofType(PipelineEvent.StageCompleted.class)).extracting(PipelineEvent.StageCompleted::nodeId).containsExactly("start");
    assertThat(java.nio.file.Files.readString(kit.logsRoot().resolve("events.jsonl")))
        .contains("\"type\":\"StageStopped\"", "\"node_id\":\"work\"", "\"reason\":\"cancelled\"");
  }
}
