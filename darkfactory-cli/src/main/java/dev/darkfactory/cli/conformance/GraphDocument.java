package dev.darkfactory.cli.conformance;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.report.GraphJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parsed graph as the benchmark reads it (attractor-spec.md 2): {@code name}, {@code goal},
 * graph {@code attributes}; nodes with {@code id}, {@code shape}, {@code type}, {@code label},
 * {@code prompt} and all their {@code attributes}; edges with {@code from}, {@code to}, {@code
 * label}, {@code condition}, {@code weight} and {@code attributes}. Flattened copies of the common
 * attributes sit next to the full maps so readers need not know which attribute holds what.
 */
final class GraphDocument {
  private GraphDocument() {}

  static ObjectNode of(Graph graph) {
    ObjectNode root = BenchJson.object().put("name", graph.name()).put("goal", graph.goal());
    root.set("attributes", GraphJson.attributes(graph.attributes()));
    ArrayNode nodes = root.putArray("nodes");
    for (Node node : graph.nodes()) {
      ObjectNode json = nodes.addObject().put("id", node.id()).put("shape", node.shape())
          .put("type", node.type().isEmpty() ? HandlerTypes.forShape(node.shape()).orElse(HandlerTypes.CODERGEN) : node.type())
          .put("label", node.label());
      if (!node.prompt().isEmpty()) {
        json.put("prompt", node.prompt());
      }
      json.set("attributes", GraphJson.attributes(node.attributes()));
      if (!node.derivedClasses().isEmpty()) {
        ArrayNode classes = json.putArray("classes");
        node.derivedClasses().forEach(classes::add);
      }
    }
    ArrayNode edges = root.putArray("edges");
    for (Edge edge : graph.edges()) {
      ObjectNode json = edges.addObject().put("from", edge.from()).put("to", edge.to());
      json.put("label", edge.label()).put("condition", edge.condition()).put("weight", edge.weight());
      ObjectNode attributes = json.putObject("attributes");
      for (Attribute attribute : edge.attributes().all()) {
        attributes.set(attribute.key(), GraphJson.value(attribute.value()));
      }
    }
    return root;
  }
}
