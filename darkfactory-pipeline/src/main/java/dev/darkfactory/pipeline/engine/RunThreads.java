package dev.darkfactory.pipeline.engine;

/**
 * What kind of thread each run's traversal gets. Both are daemons, so an abandoned run never keeps
 * the JVM alive; parallel branches always run on virtual threads.
 */
public enum RunThreads {
  /**
   * A virtual thread per run (the default): many runs in one process share the carriers fairly with
   * everything else on virtual threads, such as a server's event streams. Measured with the
   * server's load test (200 runs, 500 subscribers), event delivery p50 was 21 ms, against about
   * 100 ms with platform threads.
   */
  VIRTUAL,
  /**
   * A platform thread per run: for a process that runs one pipeline, such as {@code factory run}.
   * The traversal blocks in file I/O several times per node (the checkpoint's fsync among them), and
   * on a virtual thread each such call makes the scheduler wake another carrier to compensate; a
   * platform thread avoids that, about 7% per node in the engine benchmark.
   */
  PLATFORM;

  Thread.Builder builder() {
    return switch (this) {
      case VIRTUAL -> Thread.ofVirtual();
      case PLATFORM -> Thread.ofPlatform().daemon(true);
    };
  }
}
