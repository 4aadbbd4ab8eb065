package dev.darkfactory.pipeline.report;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a graph, shared by {@code factory parse} and the HTTP API:
 * {@code {"name", "attributes", "nodes":[{"id","attributes"}], "edges":[{"from","to","attributes"}]}}.
 *
 * <p>Values keep their types: strings, numbers and booleans as JSON strings, numbers and booleans;
 * durations as their source text ({@code "900s"}), which is how users write them.
 */
public final class GraphJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GraphJson() {}

  public static ObjectNode of(Graph graph) {
    ObjectNode root = JSON.objectNode();
    root.put("name", graph.name());
    root.set("attributes", attributes(graph.attributes()));
    ArrayNode nodes = root.putArray("nodes");
    for (Node node : graph.nodes()) {
      ObjectNode json = nodes.addObject();
      json.put("id", node.id());
      json.set("attributes", attributes(node.attributes()));
      if (!node.derivedClasses().isEmpty()) {
        ArrayNode classes = json.putArray("derived_classes");
        node.derivedClasses().forEach(classes::add);
      }
    }
    ArrayNode edges = root.putArray("edges");
    for (Edge edge : graph.edges()) {
      ObjectNode json = edges.addObject();
      json.put("from", edge.from());
      json.put("to", edge.to());
      json.set("attributes", attributes(edge.attributes()));
    }
    return root;
  }

  public static ObjectNode attributes(Attributes attributes) {
    ObjectNode json = JSON.objectNode();
    for (Attribute attribute : attributes.all()) {
      json.set(attribute.key(), value(attribute.value()));
    }
    return json;
  }

  public static JsonNode value(AttributeValue value) {
    return switch (value) {
      case AttributeValue.StringValue s -> JSON.textNode(s.value());
      case AttributeValue.IntegerValue i -> JSON.numberNode(i.value());
      case AttributeValue.FloatValue f -> JSON.numberNode(f.value());
      case AttributeValue.BooleanValue b -> JSON.booleanNode(b.value());
      case AttributeValue.DurationValue d -> JSON.textNode(d.source());
    };
  }
}
