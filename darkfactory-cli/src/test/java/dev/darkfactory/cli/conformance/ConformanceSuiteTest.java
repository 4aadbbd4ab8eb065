package dev.darkfactory.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.conformance.check.BenchCase;
import dev.darkfactory.cli.conformance.check.BenchCases;
import dev.darkfactory.cli.conformance.check.BenchFixtures;
import dev.darkfactory.testkit.attractorbench.AttractorBenchMock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every self-check case of every tier (the benchmark's kinds of checks), run in-process against
 * our mock of the benchmark's server. {@code make conformance} runs the same cases through the
 * real {@code bin/conformance} processes and times them.
 */
class ConformanceSuiteTest {
  @TempDir static Path temp;
  static AttractorBenchMock mock;

  @BeforeAll
  static void startMock() {
    mock = AttractorBenchMock.start(0);
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  @TestFactory
  Stream<DynamicTest> everyCasePasses() {
    Path fixtures = temp.resolve("dots");
    BenchFixtures.write(fixtures);
    return BenchCases.all(fixtures).stream().map(bench -> DynamicTest.dynamicTest("tier " + bench.tier() + " " + bench.name(), () -> {
      if (bench.resetMock()) {
        mock.reset();
      }
      Map<String, String> env = new LinkedHashMap<>(mock.environment());
      env.put("CONFORMANCE_RUNS_DIR", temp.resolve("runs").toString());
      env.putAll(bench.env());
      long started = System.nanoTime();
      Adapter.Result run = new Adapter(env, temp).run(bench.stdin().orElse(null), bench.args().toArray(String[]::new));
      BenchCase.Result result = new BenchCase.Result(run.exitCode(), run.out(), run.err(), Duration.ofNanos(System.nanoTime() - started));
      Optional<String> failure = bench.check().verify(result, mock::posts);
      assertThat(failure).as(bench.name() + "\n" + run).isEmpty();
      if (bench.stdin().isEmpty()) {
        assertThat(run.stdinRead()).as(bench.name() + " read stdin although it gets none").isFalse();
      }
    }));
  }
}
