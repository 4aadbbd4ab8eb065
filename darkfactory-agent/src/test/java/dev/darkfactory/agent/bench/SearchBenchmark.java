package dev.darkfactory.agent.bench;

import dev.darkfactory.agent.env.GrepOptions;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.env.search.JavaGrepEngine;
import dev.darkfactory.agent.env.search.RipgrepEngine;
import dev.darkfactory.agent.tool.ToolCallObserver;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolDispatcher;
import dev.darkfactory.agent.tool.ToolRegistry;
import dev.darkfactory.agent.tool.builtin.GlobTool;
import dev.darkfactory.agent.tool.builtin.GrepTool;
import dev.darkfactory.llm.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The grep and glob tools over a generated tree of 50,000 files, with ripgrep and find on the same
 * tree in the same run (bench/agent/run.sh). Plain timing: warm-up runs, then the median and the best
 * of repeated runs. The tools are called through the tool dispatcher, as the agent calls them, so
 * the figures include argument validation and output truncation.
 */
public final class SearchBenchmark {
  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "request", "response", "handler",
      "session", "config", "value", "result", "index", "buffer", "stream", "token", "parser"};

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int files = option(args, "--files", 50_000);
    int runs = option(args, "--runs", 5);
    boolean keep = Arrays.asList(args).contains("--keep");
    Path tree = Files.createTempDirectory("agent-bench");
    long started = System.nanoTime();
    generate(tree, files);
    System.out.printf(Locale.ROOT, "Generated %,d files (%,d MB) in %s in %.1f s%n", files, size(tree) / 1_000_000, tree,
        (System.nanoTime() - started) / 1e9);
    System.out.printf(Locale.ROOT, "JVM %s, %d cores; %d warm-up and %d measured runs each%n%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), 2, runs);
    List<Row> rows = new ArrayList<>();
    LocalExecutionEnvironment withRipgrep = LocalExecutionEnvironment.create(tree);
    LocalExecutionEnvironment withJava = LocalExecutionEnvironment.builder(tree).grepEngine(new JavaGrepEngine()).build();
    boolean ripgrep = RipgrepEngine.find().isPresent();

    String rare = "{\"pattern\":\"needle_[0-9]+\",\"max_results\":1000}";
    String common = "{\"pattern\":\"handler\",\"output_mode\":\"count\",\"max_results\":100000}";
    if (ripgrep) {
      rows.add(measure("grep tool, ripgrep engine: rare pattern (all matches)", runs, () -> tool(withRipgrep, new GrepTool(true), "grep", rare)));
      rows.add(measure("grep tool, ripgrep engine: common word, count per file", runs, () -> tool(withRipgrep, new GrepTool(true), "grep", common)));
      rows.add(measure("rg -n (parallel, unsorted): rare pattern", runs, () -> command(tree, "rg", "-n", "needle_[0-9]+")));
      rows.add(measure("rg -n --sort path: rare pattern", runs, () -> command(tree, "rg", "-n", "--sort", "path", "needle_[0-9]+")));
      rows.add(measure("rg --count (parallel): common word", runs, () -> command(tree, "rg", "--count", "handler")));
    }
    rows.add(measure("grep tool, Java engine: rare pattern (all matches)", runs, () -> tool(withJava, new GrepTool(true), "grep", rare)));
    rows.add(measure("grep tool, Java engine: common word, count per file", runs, () -> tool(withJava, new GrepTool(true), "grep", common)));
    rows.add(measure("glob tool: **/*.java (sorted by mtime)", runs, () -> tool(withRipgrep, new GlobTool(), "glob", "{\"pattern\":\"**/*.java\"}")));
    rows.add(measure("find -name '*.java'", runs, () -> command(tree, "find", ".", "-name", "*.java")));
    rows.add(measure("glob tool: m7/**/*.md (narrow)", runs, () -> tool(withRipgrep, new GlobTool(), "glob", "{\"pattern\":\"m7/**/*.md\"}")));
    rows.add(measure("find m7 -name '*.md'", runs, () -> command(tree, "find", "m7", "-name", "*.md")));

    System.out.flush();
    System.out.printf(Locale.ROOT, "%-58s %10s %10s %9s%n", "operation", "median ms", "best ms", "results");
    for (Row row : rows) {
      System.out.printf(Locale.ROOT, "%-58s %10.1f %10.1f %9d%n", row.name, row.medianMs, row.bestMs, row.results);
    }
    if (!ripgrep) {
      System.out.println("\nripgrep (rg) is not installed: only the Java engine was measured.");
    }
    if (!keep) {
      delete(tree);
    }
  }

  private record Row(String name, double medianMs, double bestMs, int results) {}

  private static Row measure(String name, int runs, Callable<Integer> operation) throws Exception {
    for (int i = 0; i < 2; i++) {
      operation.call();
    }
    double[] times = new double[runs];
    int results = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      results = operation.call();
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return new Row(name, times[runs / 2], times[0], results);
  }

  /** Runs a tool as the agent does; returns the number of result lines in the full output. */
  private static int tool(LocalExecutionEnvironment env, dev.darkfactory.agent.tool.Tool tool, String name, String json) {
    var execution = ToolDispatcher.of(ToolRegistry.of(List.of(tool)))
        .dispatch(ToolCall.fromRaw("bench", name, json), ToolContext.of(env), ToolCallObserver.NONE);
    if (execution.isError()) {
      throw new IllegalStateException(execution.fullOutput());
    }
    return (int) execution.fullOutput().lines().count();
  }

  /** Runs a command in the tree; returns the number of output lines. */
  private static int command(Path tree, String... argv) throws IOException, InterruptedException {
    // Standard input from /dev/null: given a pipe, rg would search it instead of the directory.
    Process process = new ProcessBuilder(argv).directory(tree.toFile()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    int lines = 0;
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      while (reader.readLine() != null) {
        lines++;
      }
    }
    process.waitFor();
    return lines;
  }

  /** {@code files} files in 50 modules of 20 packages, mixed .java/.txt/.md, ~1 KB each, seeded. */
  private static void generate(Path tree, int files) throws IOException {
    Random random = new Random(42);
    String[] extensions = {"java", "txt", "md", "java", "py"};
    for (int i = 0; i < files; i++) {
      Path dir = tree.resolve("m" + (i % 50)).resolve("p" + (i / 50 % 20));
      Files.createDirectories(dir);
      StringBuilder content = new StringBuilder();
      for (int line = 0; line < 24; line++) {
        for (int word = 0; word < 6; word++) {
          content.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        if (random.nextInt(2000) == 0) {
          content.append("needle_").append(i);
        }
        content.append('\n');
      }
      Files.writeString(dir.resolve("f" + i + "." + extensions[i % extensions.length]), content);
    }
  }

  private static long size(Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      return walk.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
    }
  }

  private static void delete(Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
