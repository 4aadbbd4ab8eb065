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
 * {@code manager_child_dotfile} (ERROR, extension): a node that runs as the manager loop ({@code
 * stack.manager_loop}, {@code shape=house}) has a child pipeline to supervise: {@code
 * stack.child_dotfile} on the node or the graph (4.11, Appendix A).
 *
 * <p>An error rather than a warning: without a child the manager has nothing to start or observe,
 * so the stage cannot do its job, and finding that out mid-run, after earlier stages have spent
 * time and tokens, is worse than refusing to start. A graph that means a manager node to be
 * something else should give it another shape.
 */
public final class ManagerChildDotfileRule implements LintRule {
  public static final String NAME = "manager_child_dotfile";
  private static final String KEY = "stack.child_dotfile";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    if (graph.attributes().nonEmptyText(KEY).isPresent()) {
      return List.of();
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (context.handlerType(node).equals(HandlerTypes.MANAGER_LOOP) && node.attributes().nonEmptyText(KEY).isEmpty()) {
        diagnostics.add(Diagnostic.error(NAME, "node " + node.id() + " runs as the manager loop (stack.manager_loop) but no"
                + " child pipeline is set: neither the node nor the graph has " + KEY)
            .node(node.id())
            .fix("add graph [" + KEY + "=\"child.dot\"] (or set it on " + node.id() + "), or give " + node.id()
                + " another shape if it is not a supervisor")
            .at(node.position())
            .build());
      }
    }
    return diagnostics;
  }
}
