package dev.darkfactory.pipeline.transform;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces {@code $goal} in every node's {@code prompt} with the graph's {@code goal} (attractor-spec.md
 * 9.2, 4.5). This is plain text replacement, not a template engine: no other variables, no escaping,
 * and {@code $goals} becomes the goal followed by {@code s}. A graph without a goal expands {@code
 * $goal} to the empty string, as 2.5's default {@code ""} implies.
 */
public final class VariableExpansionTransform implements Transform {
  public static final String GOAL_VARIABLE = "$goal";

  @Override
  public Graph apply(Graph graph) {
    String goal = graph.goal();
    List<Node> nodes = new ArrayList<>(graph.nodes().size());
    boolean changed = false;
    for (Node node : graph.nodes()) {
      Node expanded = expand(node, goal);
      changed |= expanded != node;
      nodes.add(expanded);
    }
    return changed ? graph.withNodes(nodes) : graph;
  }

  private static Node expand(Node node, String goal) {
    Attribute prompt = node.attributes().attribute("prompt").orElse(null);
    if (prompt == null || !prompt.value().text().contains(GOAL_VARIABLE)) {
      return node;
    }
    String replaced = prompt.value().text().replace(GOAL_VARIABLE, goal);
    Attribute expanded = new Attribute("prompt", new AttributeValue.StringValue(replaced), prompt.position());
    return node.withAttributes(node.attributes().with(expanded));
  }

  @Override
  public String toString() {
    return "VariableExpansionTransform";
  }
}
