package dev.darkfactory.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes a large, valid pipeline to standard output: {@code nodes} codergen nodes between a start
 * and an exit, a spine that makes every node reachable, and extra forward edges with conditions
 * until there are {@code edges} edges. Seeded, so every run benchmarks the same file.
 *
 * <p>Usage: {@code PipelineGenerator NODES EDGES}
 */
public final class PipelineGenerator {
  private PipelineGenerator() {}

  public static void main(String[] args) throws IOException {
    int nodes = Integer.parseInt(args[0]);
    int edges = Integer.parseInt(args[1]);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      write(out, nodes, edges, new Random(20261125));
    }
  }

  static void write(Writer out, int nodes, int edges, Random random) throws IOException {
    out.write("digraph Generated {\n");
    out.write("  graph [goal=\"Benchmark the front-end\", default_max_retries=1, max_visits=3,\n");
    out.write("         model_stylesheet=\"* { llm_model: claude-sonnet-4-5; } .review { reasoning_effort: low; }\"]\n");
    out.write("  node [shape=box, timeout=\"900s\"]\n");
    out.write("  start [shape=Mdiamond, label=\"Start\"]\n  exit [shape=Msquare, label=\"Exit\"]\n");
    for (int i = 0; i < nodes; i++) {
      out.write("  n" + i + " [label=\"Stage " + i + "\", prompt=\"Do step " + i + " of $goal and report the outcome\""
          + (i % 10 == 0 ? ", class=\"review\"" : "") + (i % 7 == 0 ? ", max_retries=2" : "") + "]\n");
    }
    out.write("  start -> n0\n");
    int written = 1;
    for (int i = 1; i < nodes; i++, written++) {
      out.write("  n" + (i - 1) + " -> n" + i + " [condition=\"outcome=success\"]\n");
    }
    out.write("  n" + (nodes - 1) + " -> exit\n");
    written++;
    while (written < edges) {
      int from = random.nextInt(nodes - 1);
      int to = from + 1 + random.nextInt(Math.min(50, nodes - from - 1));
      out.write("  n" + from + " -> n" + to + " [label=\"skip\", weight=" + random.nextInt(5)
          + ", condition=\"context.skip_" + (from % 13) + "=true\"]\n");
      written++;
    }
    out.write("}\n");
  }
}
