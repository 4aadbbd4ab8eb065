package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeScope;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Attributes as written, for rules that check attribute values. An attribute set once in a {@code
 * node [...]} or {@code edge [...]} default block is shared by every node or edge created after
 * it; such an attribute is one site, reported once at the block and naming its owners, instead of
 * once per node.
 */
final class AttributeSites {
  private AttributeSites() {}

  /**
   * One written attribute and what carries it.
   *
   * @param owners node IDs, or edges as {@code a -> b}; empty for a graph attribute
   * @param firstEdge the first owning edge, for an edge attribute
   */
  record Site(AttributeScope scope, Attribute attribute, List<String> owners, Diagnostic.EdgeRef firstEdge,
      SourcePosition fallback) {

    String key() {
      return attribute.key();
    }

    String value() {
      return attribute.value().text();
    }

    /** {@code the graph}, {@code node a}, {@code nodes a and b}, {@code edge a -> b}. */
    String owner() {
      return switch (scope) {
        case GRAPH -> "the graph";
        case NODE -> (owners.size() == 1 ? "node " : "nodes ") + Names.list(owners);
        case EDGE -> (owners.size() == 1 ? "edge " : "edges ") + Names.list(owners);
      };
    }

    /** {@code node a sets} or {@code nodes a and b set}, to start a message. */
    String ownerSets() {
      return owner() + (owners.size() > 1 ? " set" : " sets");
    }

    /** The attribute's value in the source, else its owner's position. */
    SourcePosition position() {
      return attribute.position().isKnown() ? attribute.position() : fallback;
    }

    /** Adds the (first) node or edge the attribute belongs to. */
    Diagnostic.Builder about(Diagnostic.Builder builder) {
      switch (scope) {
        case GRAPH -> { }
        case NODE -> builder.node(owners.getFirst());
        case EDGE -> builder.edge(firstEdge.from(), firstEdge.to());
      }
      return builder.at(position());
    }
  }

  /** Graph, node and edge attributes whose key passes {@code keys}, in that order. */
  static List<Site> all(Graph graph, Predicate<String> keys) {
    return all(graph, (scope, attribute) -> keys.test(attribute.key()));
  }

  /**
   * Graph, node and edge attributes that pass {@code filter}, in that order. Rules filter here,
   * before sites are grouped, because grouping hashes every attribute it is given and a large
   * pipeline has hundreds of thousands of them.
   */
  static List<Site> all(Graph graph, BiPredicate<AttributeScope, Attribute> filter) {
    List<Site> sites = new ArrayList<>(graph(graph, filter));
    sites.addAll(nodes(graph, filter));
    sites.addAll(edges(graph, filter));
    return sites;
  }

  static List<Site> graph(Graph graph, Predicate<String> keys) {
    return graph(graph, (scope, attribute) -> keys.test(attribute.key()));
  }

  static List<Site> nodes(Graph graph, Predicate<String> keys) {
    return nodes(graph, (scope, attribute) -> keys.test(attribute.key()));
  }

  static List<Site> edges(Graph graph, Predicate<String> keys) {
    return edges(graph, (scope, attribute) -> keys.test(attribute.key()));
  }

  static List<Site> graph(Graph graph, BiPredicate<AttributeScope, Attribute> filter) {
    List<Site> sites = new ArrayList<>();
    for (Attribute attribute : graph.attributes().all()) {
      if (filter.test(AttributeScope.GRAPH, attribute)) {
        sites.add(new Site(AttributeScope.GRAPH, attribute, List.of(), null, graph.position()));
      }
    }
    return sites;
  }

  static List<Site> nodes(Graph graph, BiPredicate<AttributeScope, Attribute> filter) {
    Map<Object, Draft> drafts = new LinkedHashMap<>();
    for (Node node : graph.nodes()) {
      for (Attribute attribute : node.attributes().all()) {
        if (filter.test(AttributeScope.NODE, attribute)) {
          drafts.computeIfAbsent(identity(attribute, node.id()), k -> new Draft(attribute, null, node.position()))
              .owners.add(node.id());
        }
      }
    }
    return drafts.values().stream().map(d -> d.build(AttributeScope.NODE)).toList();
  }

  static List<Site> edges(Graph graph, BiPredicate<AttributeScope, Attribute> filter) {
    Map<Object, Draft> drafts = new LinkedHashMap<>();
    for (int i = 0; i < graph.edges().size(); i++) {
      Edge edge = graph.edges().get(i);
      for (Attribute attribute : edge.attributes().all()) {
        if (filter.test(AttributeScope.EDGE, attribute)) {
          Diagnostic.EdgeRef ref = new Diagnostic.EdgeRef(edge.from(), edge.to());
          drafts.computeIfAbsent(identity(attribute, i), k -> new Draft(attribute, ref, edge.position()))
              .owners.add(edge.describe());
        }
      }
    }
    return drafts.values().stream().map(d -> d.build(AttributeScope.EDGE)).toList();
  }

  /** Attributes with a source position are shared by value; those without (built in code) never are. */
  private static Object identity(Attribute attribute, Object owner) {
    return attribute.position().isKnown() ? attribute : List.of(owner, attribute.key());
  }

  private static final class Draft {
    final Attribute attribute;
    final Diagnostic.EdgeRef firstEdge;
    final SourcePosition fallback;
    final List<String> owners = new ArrayList<>(1);

    Draft(Attribute attribute, Diagnostic.EdgeRef firstEdge, SourcePosition fallback) {
      this.attribute = attribute;
      this.firstEdge = firstEdge;
      this.fallback = fallback;
    }

    Site build(AttributeScope scope) {
      return new Site(scope, attribute, List.copyOf(owners), firstEdge, fallback);
    }
  }
}
