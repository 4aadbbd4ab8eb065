package dev.darkfactory.cli.twin;

import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Script;
import dev.darkfactory.testkit.StreamStyle;
import dev.darkfactory.testkit.attractorbench.AttractorBenchMock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The twins' servers, for the {@code twin} commands: the only CLI class that names the testkit's
 * types, loaded only once {@link Testkit#onClasspath()} holds (the commands check first).
 */
final class TwinServers {
  private TwinServers() {}

  /** {@code twin llm}: serves until interrupted or {@code duration} passes, then says how many requests it served. */
  static int llm(Optional<Path> script, boolean dataOnly, int port, Optional<Duration> duration, PrintWriter out) throws InterruptedException {
    Script loaded = script.map(Script::load).orElseGet(Script::empty);
    if (dataOnly) {
      loaded = new Script(loaded.rules(), loaded.fallback(), loaded.strict(), loaded.models(), StreamStyle.DATA_ONLY, loaded.apiKey());
    }
    try (FakeProviderServer twin = FakeProviderServer.start(loaded, port)) {
      out.println("LLM twin listening on " + twin.baseUrl());
      out.println("  export OPENAI_API_KEY=test-key OPENAI_BASE_URL=" + twin.baseUrl() + "/v1");
      out.println("  export ANTHROPIC_API_KEY=test-key ANTHROPIC_BASE_URL=" + twin.baseUrl());
      out.println("  export GEMINI_API_KEY=test-key GEMINI_BASE_URL=" + twin.baseUrl());
      out.println("Request log: GET " + twin.baseUrl() + "/requests");
      out.flush();
      serve(duration);
      out.println("LLM twin served " + twin.requestCount() + " requests");
      out.flush();
    }
    return ExitCode.OK;
  }

  /** {@code twin attractorbench}: serves until interrupted or {@code duration} passes. */
  static int attractorBench(int port, Optional<Duration> duration, PrintWriter out) throws InterruptedException {
    try (AttractorBenchMock mock = AttractorBenchMock.start(port)) {
      out.println("AttractorBench mock listening on " + mock.baseUrl());
      mock.environment().forEach((name, value) -> out.println("  export " + name + "=" + value));
      out.flush();
      serve(duration);
    }
    return ExitCode.OK;
  }

  /** Waits for Ctrl-C (a shutdown hook) or the end of {@code duration}. */
  private static void serve(Optional<Duration> duration) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown);
    Runtime.getRuntime().addShutdownHook(hook);
    if (duration.isEmpty()) {
      stopped.await();
    } else {
      stopped.await(duration.get().toMillis(), TimeUnit.MILLISECONDS);
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }
}
