package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.event.PipelineEvent.PipelineRestarted;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.CheckpointStore;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loop_restart} edges (attractor-spec.md 2.7, 3.2 step 7). */
class LoopRestartTest {
  @TempDir Path temp;

  static final String DOT = """
      digraph R {
        start [shape=Mdiamond]
        setup [prompt="s"]
        work [prompt="w"]
        done [shape=Msquare]
        start -> setup -> work
        work -> setup [loop_restart=true, condition="outcome=fail"]
        work -> done [condition="outcome=success"]
      }
      """;

  @Test
  void aRestartEdgeStartsAFreshRunInAFreshDirectory() {
    var run = PipelineTestKit.of(DOT, temp).context("seed", "kept?")
        .script(Map.of("work", List.of(Outcome.fail("again").withContextUpdate("dirty", true), Outcome.success()))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    PipelineRestarted restarted = run.events(PipelineRestarted.class).getFirst();
    assertThat(restarted.startAt()).isEqualTo("setup");
    assertThat(run.result().logsRoot()).isEqualTo(run.dir().root().resolve("restart-1"));
    assertThat(run.result().runId()).isEqualTo(restarted.nextRunId());
    // A fresh run: a fresh context (the caller's values and the graph's attributes again), starting at the edge's target.
    assertThat(run.result().context()).doesNotContainKey("dirty").containsEntry("seed", "kept?");
    assertThat(run.completed()).containsExactly("setup", "work", "done");
    Checkpoint first = run.checkpoint();
    assertThat(first.status()).isEqualTo(RunStatus.RESTARTED);
    assertThat(first.restartedInto()).contains("restart-1");
    assertThat(CheckpointStore.in(run.dir().root().resolve("restart-1")).load().orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
  }
}
