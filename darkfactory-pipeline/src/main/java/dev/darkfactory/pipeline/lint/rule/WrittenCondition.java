package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition expression written in the graph: an edge's {@code condition} (2.7) or a manager
 * node's {@code manager.stop_condition} (4.11), which uses the same language.
 *
 * <p>Built for every condition of every validation, so it keeps references and composes its
 * descriptions only when a diagnostic needs them.
 */
record WrittenCondition(Attribute attribute, Diagnostic.EdgeRef edge, String nodeId, SourcePosition fallback) {

  static final String EDGE_KEY = "condition";
  static final String STOP_KEY = "manager.stop_condition";

  /** Every non-blank condition in the graph: edges in order, then nodes in order. */
  static List<WrittenCondition> all(Graph graph) {
    List<WrittenCondition> written = new ArrayList<>();
    for (Edge edge : graph.edges()) {
      edge.attributes().attribute(EDGE_KEY).filter(a -> !a.value().text().isBlank()).ifPresent(a -> written.add(
          new WrittenCondition(a, new Diagnostic.EdgeRef(edge.from(), edge.to()), null, edge.position())));
    }
    for (Node node : graph.nodes()) {
      node.attributes().attribute(STOP_KEY).filter(a -> !a.value().text().isBlank()).ifPresent(a -> written.add(
          new WrittenCondition(a, null, node.id(), node.position())));
    }
    return written;
  }

  /** What carries it: {@code "edge a -> b"} or {@code "node boss"}. */
  String place() {
    return edge != null ? "edge " + edge : "node " + nodeId;
  }

  /** {@code the condition of edge a -> b}. */
  String owner() {
    return "the " + attribute.key() + " of " + place();
  }

  String text() {
    return attribute.value().text();
  }

  /** Where character {@code offset} of the expression is in the source. */
  SourcePosition at(int offset) {
    return Where.inside(attribute, offset, fallback);
  }

  /** Adds the edge or node this condition belongs to. */
  Diagnostic.Builder about(Diagnostic.Builder builder) {
    if (edge != null) {
      builder.edge(edge.from(), edge.to());
    }
    if (nodeId != null) {
      builder.node(nodeId);
    }
    return builder;
  }
}
