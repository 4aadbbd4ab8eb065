package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeScope;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

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

  /** Graph, node and edge attributes with one of {@code keys}, in that order; looked up, not scanned. */
  static List<Site> all(Graph graph, Collection<String> keys) {
    List<Site> sites = new ArrayList<>(graph(graph, keys));
    sites.addAll(nodes(graph, keys));
    sites.addAll(edges(graph, keys));
    return sites;
  }

  /**
   * Graph, node and edge attributes that pass {@code filter}, in that order. Rules filter here,
   * before sites are grouped, because grouping hashes every attribute it is given and a large
   * pipeline has hundreds of thousands of them.
   */
  static List<Site> all(Graph graph, BiPredicate<AttributeScope, Attribute> filter) {
    Selection selection = matching(filter);
    List<Site> sites = new ArrayList<>(graph(graph, selection));
    sites.addAll(nodes(graph, selection));
    sites.addAll(edges(graph, selection));
    return sites;
  }

  static List<Site> graph(Graph graph, Collection<String> keys) {
    return graph(graph, keyed(keys));
  }

  static List<Site> nodes(Graph graph, Collection<String> keys) {
    return nodes(graph, keyed(keys));
  }

  static List<Site> edges(Graph graph, Collection<String> keys) {
    return edges(graph, keyed(keys));
  }

  /** Which of an owner's attributes a rule looks at. */
  @FunctionalInterface
  private interface Selection {
    void select(AttributeScope scope, Attributes attributes, Consumer<Attribute> into);
  }

  /** Every attribute that passes {@code filter}: a scan of all attributes. */
  private static Selection matching(BiPredicate<AttributeScope, Attribute> filter) {
    return (scope, attributes, into) -> {
      for (Attribute attribute : attributes.all()) {
        if (filter.test(scope, attribute)) {
          into.accept(attribute);
        }
      }
    };
  }

  /** The attributes with these keys: a hash lookup per key, for rules about a few known keys. */
  private static Selection keyed(Collection<String> keys) {
    return (scope, attributes, into) -> {
      for (String key : keys) {
        attributes.attribute(key).ifPresent(into);
      }
    };
  }

  private static List<Site> graph(Graph graph, Selection selection) {
    List<Site> sites = new ArrayList<>();
    selection.select(AttributeScope.GRAPH, graph.attributes(),
        attribute -> sites.add(new Site(AttributeScope.GRAPH, attribute, List.of(), null, graph.position())));
    return sites;
  }

  private static List<Site> nodes(Graph graph, Selection selection) {
    Map<Object, Draft> drafts = new LinkedHashMap<>();
    for (Node node : graph.nodes()) {
      selection.select(AttributeScope.NODE, node.attributes(), attribute ->
          drafts.computeIfAbsent(identity(attribute, node.id()), k -> new Draft(attribute, null, node.position()))
              .owners.add(node.id()));
    }
    return drafts.values().stream().map(d -> d.build(AttributeScope.NODE)).toList();
  }

  private static List<Site> edges(Graph graph, Selection selection) {
    Map<Object, Draft> drafts = new LinkedHashMap<>();
    List<Edge> edges = graph.edges();
    for (int i = 0; i < edges.size(); i++) {
      Edge edge = edges.get(i);
      int index = i;
      selection.select(AttributeScope.EDGE, edge.attributes(), attribute ->
          drafts.computeIfAbsent(identity(attribute, index),
              k -> new Draft(attribute, new Diagnostic.EdgeRef(edge.from(), edge.to()), edge.position()))
              .owners.add(edge.describe()));
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
