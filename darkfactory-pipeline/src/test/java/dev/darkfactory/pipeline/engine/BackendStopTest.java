package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.backend.BackendStopException;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend's {@link BackendStopException} stops the run resumably, at the top level and inside a branch. */
class BackendStopTest {
  @TempDir Path temp;

  /** Stops once at {@code stopAt}, then works; records the nodes it ran. */
  private static final class StoppingBackend implements CodergenBackend {
    final List<String> ran = new CopyOnWriteArrayList<>();
    final AtomicBoolean stopped = new AtomicBoolean();
    private final String stopAt;

    StoppingBackend(String stopAt) {
      this.stopAt = stopAt;
    }

    @Override
    public CodergenResult run(dev.darkfactory.pipeline.backend.CodergenRequest request) {
      if (request.node().id().equals(stopAt) && stopped.compareAndSet(false, true)) {
        throw new BackendStopException(new StopReason("budget_cost", "the cost budget is used up", true));
      }
      ran.add(request.node().id());
      return CodergenResult.text("done " + request.node().id());
    }
  }

  @Test
  void stopsResumablyAndTheResumeRunsTheStageOnce() {
    String dot = """
        digraph B {
          start [shape=Mdiamond]
          a [prompt="A"]
          b [prompt="B"]
          done [shape=Msquare]
          start -> a -> b -> done
        }
        """;
    StoppingBackend backend = new StoppingBackend("b");
    var run = PipelineTestKit.of(dot, temp).backend(backend).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(run.result().stopReason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("budget_cost"));
    var resumed = PipelineTestKit.of(dot, temp).backend(backend).resume();
    assertThat(resumed.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(backend.ran).containsExactly("a", "b");
  }

  @Test
  void aStopInsideAParallelBranchStopsTheWholeRun() {
    String dot = """
        digraph P {
          start [shape=Mdiamond]
          fan [shape=component]
          x [prompt="X"]
          y [prompt="Y"]
          join [shape=tripleoctagon]
          done [shape=Msquare]
          start -> fan
          fan -> x
          fan -> y
          x -> join
          y -> join
          join -> done
        }
        """;
    var run = PipelineTestKit.of(dot, temp).backend(new StoppingBackend("y")).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(run.result().stopReason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("budget_cost"));
  }
}
