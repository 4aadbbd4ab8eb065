package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.event.PipelineEvent.PipelineStarted;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor loop of attractor-spec.md 4.11 over an in-process child pipeline (9.4). */
class ManagerLoopTest {
  @TempDir Path temp;

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
    child("start [shape=Mdiamond]; slow [shape=parallelogram, tool_command=\"sleep 20.913\"]; done [shape=Msquare]; start -> slow -> done");
    var run = PipelineTestKit.of(parent(", manager.stop_condition=\"context.stack.child.current_node=slow\""), temp).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("manager", StageStatus.SUCCESS);
    assertThat(run.events(dev.darkfactory.pipeline.event.PipelineEvent.StageCompleted.class))
        .anySatisfy(e -> assertThat(e.notes()).contains("Stop condition satisfied"));
    assertThat(new ProcessBuilder("pgrep", "-f", "sleep 20.913").start().waitFor()).isEqualTo(1);
  }

  @Test
  void runningOutOfCyclesFails() throws Exception {
    child("start [shape=Mdiamond]; slow [shape=parallelogram, tool_command=\"sleep 20.527\"]; done [shape=Msquare]; start -> slow -> done");
    var run = PipelineTestKit.of(parent(", manager.max_cycles=3"), temp).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("manager", StageStatus.FAIL);
    assertThat(run.events(dev.darkfactory.pipeline.event.PipelineEvent.StageFailed.class))
        .anySatisfy(e -> assertThat(e.error()).contains("Max cycles exceeded"));
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void steeringWritesThePromptIntoTheChildsActiveStage() throws Exception {
    child("start [shape=Mdiamond]; slow [shape=parallelogram, tool_command=\"sleep 0.3\"]; done [shape=Msquare]; start -> slow -> done");
    var run = PipelineTestKit.of(parent(", manager.actions=\"observe,steer,wait\", prompt=\"Focus on the tests\""), temp).run();
    assertThat(run.dir().root().resolve("manager/child/slow/steer.md")).content().contains("Focus on the tests");
  }
}
