package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code reachability} (ERROR, attractor-spec.md 7.2): every node must be reachable from the start
 * node. A breadth-first search with an explicit queue, so no graph can overflow the stack.
 *
 * <p>11.12 lists "orphan node" as a warning while 7.2 makes this rule an error; we follow 7.2,
 * since a node that can never run is almost always a mistake in the pipeline.
 */
public final class ReachabilityRule implements LintRule {
  public static final String NAME = "reachability";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Node> starts = graph.startNodes();
    if (starts.isEmpty()) {
      return List.of(); // start_node reports it; everything would be "unreachable".
    }
    Set<String> reached = reachableFrom(graph, starts);
    String from = starts.size() == 1 ? "the start node " + starts.getFirst().id() : "any start node";
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (!reached.contains(node.id())) {
        diagnostics.add(Diagnostic.error(NAME, "node " + node.id() + " is unreachable from " + from + ": it can never run")
            .node(node.id())
            .fix("add an edge to " + node.id() + " from a reachable node, or remove it")
            .at(node.position())
            .build());
      }
    }
    return diagnostics;
  }

  private static Set<String> reachableFrom(Graph graph, List<Node> starts) {
    Set<String> reached = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    for (Node start : starts) {
      if (reached.add(start.id())) {
        queue.add(start.id());
      }
    }
    while (!queue.isEmpty()) {
      for (Edge edge : graph.outgoing(queue.poll())) {
        if (graph.hasNode(edge.to()) && reached.add(edge.to())) {
          queue.add(edge.to());
        }
      }
    }
    return reached;
  }
}
