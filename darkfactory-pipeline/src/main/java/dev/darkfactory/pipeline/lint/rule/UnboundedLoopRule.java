package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unbounded_loop} (WARNING, extension): a cycle of edges (a strongly connected component of
 * several nodes, or a node with an edge to itself) where no node sets {@code max_visits} or {@code
 * max_retries} and the graph sets no {@code max_visits}. If the condition that leaves the loop never
 * holds, such a loop runs until someone stops it (peer lessons: a fallback route looped 1,921 times
 * in 120 s).
 *
 * <p>A loop through a human gate is not reported: a person decides every iteration.
 */
public final class UnboundedLoopRule implements LintRule {
  public static final String NAME = "unbounded_loop";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    if (graph.maxVisits().isPresent()) {
      return List.of();
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (List<Node> loop : StronglyConnectedComponents.cycles(graph)) {
      if (isBounded(loop, context)) {
        continue;
      }
      Node first = loop.getFirst();
      String members = loop.size() == 1
          ? "node " + first.id() + " loops back to itself"
          : "nodes " + Names.list(loop.stream().map(Node::id).toList()) + " form a loop";
      diagnostics.add(Diagnostic.warning(NAME, members + " with no bound: no node in it sets max_visits or max_retries"
              + " and the graph sets no max_visits, so if the way out never opens the run cycles forever")
          .node(first.id())
          .fix("set max_visits on a node of the loop, as in " + first.id() + " [max_visits=5], or graph [max_visits=10]")
          .at(first.position())
          .build());
    }
    return diagnostics;
  }

  private static boolean isBounded(List<Node> loop, LintContext context) {
    for (Node node : loop) {
      if (node.maxVisits().isPresent() || node.maxRetries().isPresent()
          || context.handlerType(node).equals(HandlerTypes.WAIT_HUMAN)) {
        return true;
      }
    }
    return false;
  }
}
