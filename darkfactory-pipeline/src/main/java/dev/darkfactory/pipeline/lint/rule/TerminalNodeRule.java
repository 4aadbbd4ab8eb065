package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.List;

/**
 * {@code terminal_node} (ERROR, attractor-spec.md 7.2): exactly one exit node, found by {@code
 * shape=Msquare} (or {@code type=exit}), else by the ID {@code exit} or {@code end}.
 */
public final class TerminalNodeRule implements LintRule {
  public static final String NAME = "terminal_node";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Node> exits = graph.exitNodes();
    if (exits.isEmpty()) {
      return List.of(Diagnostic.error(NAME, "the pipeline has no exit node: exactly one node must have shape=Msquare"
              + " (or the ID exit)")
          .fix("add exit [shape=Msquare] and an edge to it from the last stage")
          .at(graph.position())
          .build());
    }
    if (exits.size() > 1) {
      Node extra = exits.get(1);
      return List.of(Diagnostic.error(NAME, "the pipeline has " + exits.size() + " exit nodes ("
              + Names.list(exits.stream().map(Node::id).toList()) + "): exactly one is allowed")
          .node(extra.id())
          .fix("keep " + exits.getFirst().id() + " as the only exit node and route the others' edges to it")
          .at(extra.position())
          .build());
    }
    return List.of();
  }
}
