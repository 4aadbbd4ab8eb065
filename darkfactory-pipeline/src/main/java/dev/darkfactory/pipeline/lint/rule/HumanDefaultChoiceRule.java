package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.graph.Spelling;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code human_default_choice} (WARNING, extension): {@code human.default_choice} names "which edge
 * target to select on timeout" (attractor-spec.md 6.5), so it must be the target of one of the
 * gate's outgoing edges, and it only has an effect on a human gate. Like {@code
 * retry_target_exists}, a dangling jump target is a warning.
 */
public final class HumanDefaultChoiceRule implements LintRule {
  public static final String NAME = "human_default_choice";
  private static final String KEY = "human.default_choice";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      Optional<String> choice = node.attributes().nonEmptyText(KEY);
      if (choice.isEmpty()) {
        continue;
      }
      Optional<Diagnostic.Builder> problem = context.handlerType(node).equals(HandlerTypes.WAIT_HUMAN)
          ? checkTarget(graph, node, choice.get())
          : Optional.of(Diagnostic.warning(NAME, "node " + node.id() + " sets " + KEY + " but is not a human gate (it runs"
              + " as " + context.handlerType(node) + "), so the setting has no effect")
              .fix("remove " + KEY + ", or make " + node.id() + " a human gate with shape=hexagon"));
      problem.ifPresent(p -> diagnostics.add(
          p.node(node.id()).at(Where.attribute(node.attributes(), KEY, node.position())).build()));
    }
    return diagnostics;
  }

  /** A warning when {@code choice} is not a successor of the gate. */
  private static Optional<Diagnostic.Builder> checkTarget(Graph graph, Node gate, String choice) {
    List<String> targets = new ArrayList<>();
    for (Edge edge : graph.outgoing(gate.id())) {
      if (edge.to().equals(choice)) {
        return Optional.empty();
      }
      targets.add(edge.to());
    }
    Optional<String> byLabel = graph.outgoing(gate.id()).stream()
        .filter(e -> e.label().equals(choice)).map(Edge::to).findFirst();
    Optional<String> suggestion = byLabel.or(() -> Spelling.closest(choice, targets));
    String why = byLabel.isPresent()
        ? "'" + choice + "' is an edge label; " + KEY + " names the edge's target node"
        : "'" + choice + "' is not the target of any outgoing edge of " + gate.id()
            + (targets.isEmpty() ? "" : " (" + Names.list(targets) + ")");
    return Optional.of(Diagnostic.warning(NAME, "human gate " + gate.id() + " sets " + KEY + "='" + choice + "', but " + why
            + Names.didYouMean(suggestion) + "; on timeout no default would be chosen")
        .fix(suggestion.map(s -> "write " + KEY + "=\"" + s + "\"")
            .orElse("set " + KEY + " to the target of one of " + gate.id() + "'s outgoing edges")));
  }
}
