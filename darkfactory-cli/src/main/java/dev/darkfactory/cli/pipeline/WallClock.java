package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.render.ProgressRenderer;
import dev.darkfactory.pipeline.engine.RunHandle;
import dev.darkfactory.pipeline.state.StopReason;
import java.time.Duration;

/**
 * {@code --timeout}: the wall-clock budget of one {@code factory run} or {@code resume}. When it
 * passes, the run is stopped like the graph's {@code timeout} stops it: checkpointed, resumable,
 * with code {@code timeout}. The graph's own limit is enforced by the engine; the shorter wins.
 */
final class WallClock {
  private WallClock() {}

  static void watch(RunHandle handle, Duration limit) {
    Thread.ofVirtual().name("run-wall-clock").start(() -> {
      try {
        if (handle.await(limit).isEmpty()) {
          handle.cancel(StopReason.timeout("the run used up its wall-clock budget (--timeout " + ProgressRenderer.seconds(limit)
              + "); resume it to continue"));
        }
      } catch (RuntimeException finishedMeanwhile) {
        // The run ended as the limit passed: nothing to stop.
      }
    });
  }
}
