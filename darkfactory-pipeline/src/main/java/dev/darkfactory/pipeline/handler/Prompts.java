package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;

/** The prompt of an LLM stage (attractor-spec.md 4.5): {@code prompt}, else the label, with {@code $goal} expanded. */
public final class Prompts {
  private Prompts() {}

  public static String of(Node node, Graph graph) {
    String prompt = node.prompt().isEmpty() ? node.label() : node.prompt();
    return expand(prompt, graph);
  }

  /**
   * Replaces {@code $goal} with the graph's goal: plain string replacement, not a template engine
   * (4.5). The variable-expansion transform has usually done it already; doing it again is harmless
   * and covers graphs built in code.
   */
  public static String expand(String text, Graph graph) {
    return text.contains("$goal") ? text.replace("$goal", graph.goal()) : text;
  }
}
