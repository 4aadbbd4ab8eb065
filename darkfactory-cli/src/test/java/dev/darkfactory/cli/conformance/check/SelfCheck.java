package dev.darkfactory.cli.conformance.check;

import dev.darkfactory.cli.conformance.check.BenchCase.Result;
import dev.darkfactory.testkit.attractorbench.AttractorBenchMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/conformance} the way AttractorBench does: one process per check, with the
 * benchmark's environment pointing at our mock of its server, standard input only when the check
 * has a request, a timeout per invocation. Prints each check, then a table per tier with the
 * passes and the time per invocation; {@code --markdown FILE} also writes the table for the docs.
 *
 * <pre>
 * java -cp darkfactory-cli/target/factory.jar:darkfactory-cli/target/test-classes \
 *     dev.darkfactory.cli.conformance.check.SelfCheck [--adapter bin/conformance] [--markdown FILE]
 * </pre>
 * ({@code make conformance} does this after {@code make build}; the check is test code, not in the jar.)
 */
public final class SelfCheck {
  private SelfCheck() {}

  /** One check's verdict. */
  record Verdict(BenchCase bench, Result result, Optional<String> failure) {}

  public static void main(String[] args) throws Exception {
    Path adapter = Path.of("bin/conformance");
    Optional<Path> markdown = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--adapter" -> adapter = Path.of(args[++i]);
        case "--markdown" -> markdown = Optional.of(Path.of(args[++i]));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --adapter PATH, --markdown FILE");
      }
    }
    Path scratch = Files.createTempDirectory("conformance-selfcheck");
    Path fixtures = scratch.resolve("dots");
    BenchFixtures.write(fixtures);
    List<Verdict> verdicts = new ArrayList<>();
    try (AttractorBenchMock mock = AttractorBenchMock.start(0)) {
      Map<String, String> env = new LinkedHashMap<>(System.getenv());
      env.putAll(mock.environment());
      env.put("CONFORMANCE_RUNS_DIR", scratch.resolve("runs").toString());
      for (BenchCase bench : BenchCases.all(fixtures)) {
        if (bench.resetMock()) {
          mock.reset();
        }
        Result result = invoke(adapter, bench, env, scratch);
        Optional<String> failure = bench.check().verify(result, mock::posts);
        verdicts.add(new Verdict(bench, result, failure));
        System.out.printf(Locale.ROOT, "  [%s] tier %d %-32s %5d ms%s%n", failure.isEmpty() ? "PASS" : "FAIL", bench.tier(), bench.name(),
            result.took().toMillis(), failure.map(f -> "  " + f).orElse(""));
      }
    }
    String table = table(verdicts);
    System.out.println();
    System.out.println(table);
    if (markdown.isPresent()) {
      Files.writeString(markdown.get(), table + "\n", StandardCharsets.UTF_8);
    }
    System.exit(verdicts.stream().allMatch(v -> v.failure().isEmpty()) ? 0 : 1);
  }

  static Result invoke(Path adapter, BenchCase bench, Map<String, String> baseEnv, Path workdir) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(adapter.toAbsolutePath().toString());
    command.addAll(bench.args());
    ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile());
    builder.environment().clear();
    builder.environment().putAll(baseEnv);
    builder.environment().putAll(bench.env());
    long started = System.nanoTime();
    Process process = builder.start();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    OutputStream stdin = process.getOutputStream();
    if (bench.stdin().isPresent()) {
      stdin.write(bench.stdin().get().getBytes(StandardCharsets.UTF_8));
      stdin.close();
    }
    // Without a request the pipe stays open: a subcommand that reads stdin would hang and time out.
    boolean slow = bench.args().getFirst().equals("run") || bench.args().getFirst().equals("process-input") || bench.args().getFirst().equals("events");
    boolean finished = process.waitFor(slow ? 60 : 30, TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    stdin.close();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    return new Result(finished ? process.exitValue() : -1, out.join(), err.join(), took);
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, runnable -> Thread.ofVirtual().start(runnable));
  }

  /** The per-tier table: checks passed, and the time per invocation (mean, slowest) and in total. */
  static String table(List<Verdict> verdicts) {
    StringBuilder table = new StringBuilder("Conformance self-check, " + LocalDate.now() + " (bin/conformance against our AttractorBench mock)\n\n");
    table.append("| Tier | Passed | Mean per invocation | Slowest | Total |\n|---|---|---|---|---|\n");
    for (int tier = 1; tier <= 3; tier++) {
      int t = tier;
      List<Verdict> of = verdicts.stream().filter(v -> v.bench().tier() == t).toList();
      if (of.isEmpty()) {
        continue;
      }
      long passed = of.stream().filter(v -> v.failure().isEmpty()).count();
      long total = of.stream().mapToLong(v -> v.result().took().toMillis()).sum();
      long slowest = of.stream().mapToLong(v -> v.result().took().toMillis()).max().orElse(0);
      table.append(String.format(Locale.ROOT, "| %d | %d/%d | %d ms | %d ms | %.1f s |%n", tier, passed, of.size(), total / of.size(), slowest, total / 1000.0));
    }
    List<Verdict> failed = verdicts.stream().filter(v -> v.failure().isPresent()).toList();
    if (!failed.isEmpty()) {
      table.append("\nFailed:\n");
      failed.forEach(v -> table.append("- tier ").append(v.bench().tier()).append(' ').append(v.bench().name()).append(": ")
          .append(v.failure().get()).append('\n'));
    }
    return table.toString().stripTrailing();
  }
}
