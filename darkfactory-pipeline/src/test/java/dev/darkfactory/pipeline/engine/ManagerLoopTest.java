package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineStarted;
import dev.darkfactory.pipeline.state.CheckpointStore;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.testkit.process.PidFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor loop of attractor-spec.md 4.11 over an in-process child pipeline (9.4). */
class ManagerLoopTest {
  @TempDir Path temp;
  private PidFile pids;

  @AfterEach
  void killWhatATestLeftRunning() {
    if (pids != null) {
      pids.destroyAll();
    }
  }

  /** A child whose one stage runs a command that records its own and its child's PID, then waits for ever. */
  private void slowChild() throws Exception {
    pids = PidFile.at(temp.resolve("slow.pids"));
    String command = pids.append("$$") + "; sleep 300 & " + pids.append("$!") + "; wait";
    child("start [shape=Mdiamond]; slow [shape=parallelogram, tool_command=\"" + command + "\"]; done [shape=Msquare]; start -> slow -> done");
  }

  /**
   * The manager stopped its child and waited for it: the child's checkpoint says stopped, the child's own stop
   * event came before the manager's stage completed, and the child's command does not outlive it.
   */
  private void assertTheChildWasStoppedBeforeTheManagerCompleted(PipelineTestKit.Run run) {
    assertThat(CheckpointStore.in(run.dir().root().resolve("manager/child")).load()).hasValueSatisfying(checkpoint -> {
      assertThat(checkpoint.status()).isEqualTo(RunStatus.STOPPED);
      assertThat(checkpoint.stopReason()).hasValueSatisfying(r -> assertThat(r.message()).contains("the manager loop manager finished"));
    });
    List<PipelineEvent> events = run.events().events();
    int childStopped = indexOf(events, e -> e instanceof PipelineEvent.PipelineStopped);
    int managerCompleted = indexOf(events, e -> e instanceof PipelineEvent.StageCompleted c && c.nodeId().equals("manager")
        || e instanceof PipelineEvent.StageFailed f && f.nodeId().equals("manager"));
    assertThat(childStopped).as("the child's stop event").isNotNegative().isLessThan(managerCompleted);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).as("the child's command").isEmpty());
  }

  private static int indexOf(List<PipelineEvent> events, java.util.function.Predicate<PipelineEvent> match) {
    for (int i = 0; i < events.size(); i++) {
      if (match.test(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private Path child(String body) throws Exception {
    Path file = temp.resolve("child.dot");
    Files.writeString(file, "digraph Child {\n" + body + "\n}\n");
    return file;
  }

  private static String parent(String managerAttrs) {
    return """
        digraph Parent {
          graph [stack.child_dotfile="child.dot"]
          start [shape=Mdiamond]
          manager [shape=house, manager.poll_interval="20ms"ATTRS]
          done [shape=Msquare]
          start -> manager
          manager -> done [condition="outcome=success"]
          manager -> done [condition="outcome=fail"]
        }
        """.replace("ATTRS", managerAttrs);
  }

  @Test
  void theManagerSucceedsWhenTheChildCompletes() throws Exception {
    child("start [shape=Mdiamond]; work [prompt=\"w\"]; done [shape=Msquare]; start -> work -> done");
    var run = PipelineTestKit.of(parent(""), temp).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("manager", StageStatus.SUCCESS);
    assertThat(run.context(ContextKeys.CHILD_STATUS)).isEqualTo("completed");
    assertThat(run.context(ContextKeys.CHILD_OUTCOME)).isEqualTo("success");
    assertThat(run.context(ContextKeys.CHILD_COMPLETED_COUNT)).isEqualTo(3L);
    assertThat(run.dir().root().resolve("manager/child/checkpoint.json")).exists();
    assertThat(run.events(PipelineStarted.class)).anySatisfy(e -> assertThat(e.parentRunId()).contains(run.result().runId()));
  }

  @Test
  void theManagerFailsWhenTheChildFails() throws Exception {
    child("start [shape=Mdiamond]; bad [shape=parallelogram, tool_command=\"exit 3\"]; done [shape=Msquare]; start -> bad; bad -> done [condition=\"outcome=success\"]");
    var run = PipelineTestKit.of(parent(""), temp).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("manager", StageStatus.FAIL);
    assertThat(run.events(dev.darkfactory.pipeline.event.PipelineEvent.StageFailed.class))
        .anySatisfy(e -> assertThat(e.error()).contains("Child failed", "exited with code 3"));
  }

  @Test
  void theStopConditionEndsSupervisionAndStopsTheChild() throws Exception {
    slowChild();
    var run = PipelineTestKit.of(parent(", manager.stop_condition=\"context.stack.child.current_node=slow\""), temp).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("manager", StageStatus.SUCCESS);
    assertThat(run.events(dev.darkfactory.pipeline.event.PipelineEvent.StageCompleted.class))
        .anySatisfy(e -> assertThat(e.notes()).contains("Stop condition satisfied"));
    assertTheChildWasStoppedBeforeTheManagerCompleted(run);
  }

  @Test
  void runningOutOfCyclesFails() throws Exception {
    slowChild();
    var run = PipelineTestKit.of(parent(", manager.max_cycles=3"), temp).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("manager", StageStatus.FAIL);
    assertThat(run.events(dev.darkfactory.pipeline.event.PipelineEvent.StageFailed.class))
        .anySatisfy(e -> assertThat(e.error()).contains("Max cycles exceeded"));
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertTheChildWasStoppedBeforeTheManagerCompleted(run);
  }

  @Test
  void withoutAutostartTheManagerWatchesARunSomeoneElseStarted() throws Exception {
    Path childDot = child("start [shape=Mdiamond]; work [prompt=\"w\"]; done [shape=Msquare]; start -> work -> done");
    Path childRoot = temp.resolve("elsewhere");
    var childKit = PipelineTestKit.of(Files.readString(childDot), temp);
    childKit.engine(event -> {}).run(childKit.graph(), RunOptions.in(childRoot));
    var run = PipelineTestKit.of(parent(", stack.child_autostart=false, stack.child_logs_root=\"" + childRoot + "\""), temp).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("manager", StageStatus.SUCCESS);
    assertThat(run.context(ContextKeys.CHILD_STATUS)).isEqualTo("completed");
  }

  @Test
  void theChildFileIsFoundNextToTheParentFile() throws Exception {
    Path pipelines = temp.resolve("pipelines");
    Files.createDirectories(pipelines);
    Files.writeString(pipelines.resolve("child.dot"), "digraph C { start [shape=Mdiamond]; done [shape=Msquare]; start -> done }");
    Files.writeString(pipelines.resolve("parent.dot"), parent(""));
    var kit = PipelineTestKit.of(parent(""), temp).workdir(temp);
    var loader = dev.darkfactory.pipeline.PipelineLoader.create();
    var graph = loader.load(pipelines.resolve("parent.dot")).requireValid();
    RunResult result = kit.engine(event -> {}).run(graph, kit.options());
    assertThat(result.nodeOutcomes()).containsEntry("manager", StageStatus.SUCCESS);
  }

  @Test
  void steeringWritesThePromptIntoTheChildsActiveStage() throws Exception {
    // The stage waits for the steering file rather than for a fixed time the manager might miss under load.
    child("start [shape=Mdiamond]; slow [shape=parallelogram, tool_command=\"until [ -f \\\"$FACTORY_STAGE_DIR/steer.md\\\" ]; do sleep 0.05; done\"];"
        + " done [shape=Msquare]; start -> slow -> done");
    var run = PipelineTestKit.of(parent(", manager.actions=\"observe,steer,wait\", prompt=\"Focus on the tests\""), temp).run();
    assertThat(run.dir().root().resolve("manager/child/slow/steer.md")).content().contains("Focus on the tests");
  }
}
