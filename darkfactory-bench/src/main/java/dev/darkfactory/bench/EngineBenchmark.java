package dev.darkfactory.bench;

import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.ScriptedBackend;
import dev.darkfactory.pipeline.engine.PipelineEngine;
import dev.darkfactory.pipeline.engine.RunThreads;
import dev.darkfactory.pipeline.engine.RunOptions;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.human.AutoApproveInterviewer;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.state.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine's per-node overhead (issue 3): a linear pipeline of N LLM stages driven by the
 * scripted backend, checkpointed (temp file, fsync, rename) after every node, next to a baseline of
 * N bare fsync'd file writes in the same directory, measured in the same process, one after the
 * other, several rounds each. Prints nodes per second, writes per second and their ratio.
 *
 * <pre>java -cp benchmarks.jar dev.darkfactory.bench.EngineBenchmark [nodes=1000] [rounds=5] [dir]</pre>
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    // A fresh directory each time, so an interrupted earlier benchmark's runs are never in the way.
    Path work = args.length > 2
        ? Files.createTempDirectory(Files.createDirectories(Path.of(args[2])), "engine-bench-")
        : Files.createTempDirectory("engine-bench");
    Graph graph = PipelineLoader.create().load(new SourceText("linear.dot", linear(nodes))).requireValid();
    Map<String, List<Outcome>> script = new LinkedHashMap<>();
    for (int i = 1; i <= nodes; i++) {
      script.put("n" + i, List.of(Outcome.success("scripted")));
    }
    // As `factory run` runs a pipeline: one run per process, on a platform thread.
    PipelineEngine engine = PipelineEngine.builder()
        .runThreads(RunThreads.PLATFORM)
        .handlers(HandlerRegistry.standard(new ScriptedBackend(script, "benchmark"), new AutoApproveInterviewer()))
        .build();

    System.out.printf(Locale.ROOT, "engine benchmark: %d-node linear pipeline, scripted backend, checkpoint after every node; %d rounds; in %s%n",
        nodes, rounds, work);
    run(engine, graph, work.resolve("warmup")); // JIT warm-up, not measured
    fsyncWrites(work.resolve("warmup-baseline"), nodes);
    layoutFloor(work.resolve("warmup-layout"), nodes);
    List<Double> ratios = new ArrayList<>();
    List<Double> layoutRatios = new ArrayList<>();
    List<Double> engineRates = new ArrayList<>();
    List<Double> baselineRates = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      double baseline = fsyncWrites(work.resolve("baseline-" + round), nodes);
      double rate = run(engine, graph, work.resolve("run-" + round));
      double layout = layoutFloor(work.resolve("layout-" + round), nodes);
      baselineRates.add(baseline);
      engineRates.add(rate);
      ratios.add(baseline / rate);
      layoutRatios.add(layout / rate);
      System.out.printf(Locale.ROOT, "  round %d: engine %7.1f nodes/s | baseline %7.1f fsync'd writes/s (x%.2f) | layout floor %7.1f nodes/s (x%.2f)%n",
          round, rate, baseline, baseline / rate, layout, layout / rate);
    }
    double engineMedian = median(engineRates);
    double baselineMedian = median(baselineRates);
    System.out.printf(Locale.ROOT, "median: engine %.1f nodes/s (%.3f ms/node); baseline %.1f fsync'd writes/s (%.3f ms/write)%n",
        engineMedian, 1000 / engineMedian, baselineMedian, 1000 / baselineMedian);
    System.out.printf(Locale.ROOT, "engine time per node = %.2fx one fsync'd write (median of per-round ratios; target: within 2x)%n", median(ratios));
    System.out.printf(Locale.ROOT, "engine time per node = %.2fx the file operations the run layout itself needs (median of per-round ratios)%n",
        median(layoutRatios));
    deleteTree(work);
  }

  private static double run(PipelineEngine engine, Graph graph, Path logsRoot) {
    long start = System.nanoTime();
    RunResult result = engine.run(graph, RunOptions.in(logsRoot));
    long elapsed = System.nanoTime() - start;
    if (!result.succeeded()) {
      throw new IllegalStateException("the benchmark run failed: " + result.failureReason());
    }
    return result.completedNodes().size() / (elapsed / 1e9);
  }

  /** N small files, each written, forced to disk and closed: the floor a durable checkpoint per node cannot beat. */
  private static double fsyncWrites(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    byte[] payload = "{\"current_node\":\"n1\",\"completed_nodes\":[\"start\",\"n1\"]}".getBytes(StandardCharsets.UTF_8);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      try (FileChannel channel = FileChannel.open(dir.resolve("f" + i), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(ByteBuffer.wrap(payload));
        channel.force(false);
      }
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * The file operations attractor-spec.md 5.6 requires per node, with nothing else: create the
   * stage directory, write {@code prompt.md} and {@code status.json}, and replace the checkpoint
   * atomically (temp file, fsync, rename). What the engine costs beyond this is its own overhead.
   */
  private static double layoutFloor(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    byte[] small = "{\"outcome\": \"success\"}".getBytes(StandardCharsets.UTF_8);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Path stage = Files.createDirectory(dir.resolve("n" + i));
      Files.write(stage.resolve("prompt.md"), small);
      Files.write(stage.resolve("status.json"), small);
      Path temp = dir.resolve(".checkpoint.json.tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(ByteBuffer.wrap(small));
        channel.force(false);
      }
      Files.move(temp, dir.resolve("checkpoint.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  static String linear(int nodes) {
    StringBuilder dot = new StringBuilder("digraph Linear {\n  start [shape=Mdiamond]\n  done [shape=Msquare]\n");
    String previous = "start";
    for (int i = 1; i <= nodes; i++) {
      dot.append("  n").append(i).append(" [prompt=\"Step ").append(i).append("\"]\n");
      dot.append("  ").append(previous).append(" -> n").append(i).append('\n');
      previous = "n" + i;
    }
    return dot.append("  ").append(previous).append(" -> done\n}\n").toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
