package dev.darkfactory.pipeline.dot;

import dev.darkfactory.pipeline.dot.DotParser.Scope;
import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the parser reads into a flat {@link Graph}: subgraphs disappear, their defaults
 * having been applied and their labels turned into derived classes (attractor-spec.md 2.10).
 *
 * <p>Defaults follow Graphviz: a {@code node [...]} block applies to nodes created after it in its
 * scope; a node mentioned again later keeps its attributes, and explicit attributes override
 * earlier ones.
 */
final class GraphAssembly {
  private final Map<String, Attribute> graphAttributes = new LinkedHashMap<>();
  private final Map<String, NodeDraft> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();
  /** The derived class of each closed subgraph (empty when it has no label). */
  private final Map<Scope, String> derivedClasses = new IdentityHashMap<>();

  void graphAttribute(Scope scope, Attribute attribute) {
    if (scope.isRoot()) {
      graphAttributes.put(attribute.key(), attribute);
    } else if (attribute.key().equals("label")) {
      scope.label(attribute.value().text());
    }
  }

  void declareNode(Scope scope, String id, List<Attribute> explicit, SourcePosition position) {
    NodeDraft draft = nodes.get(id);
    if (draft == null) {
      draft = new NodeDraft(position, Attributes.builder(scope.nodeDefaults()));
      nodes.put(id, draft);
    }
    draft.attributes.putAll(explicit);
    if (!scope.isRoot() && (draft.scopes.isEmpty() || draft.scopes.getLast() != scope)) {
      draft.scopes.add(scope);
    }
  }

  void addEdge(Scope scope, String from, String to, List<Attribute> explicit, SourcePosition position) {
    Attributes attributes = scope.edgeDefaults().isEmpty() && explicit.isEmpty()
        ? Attributes.empty()
        : Attributes.builder(scope.edgeDefaults()).putAll(explicit).build();
    edges.add(new Edge(from, to, attributes, position));
  }

  /**
   * Called when a scope's closing brace is read. Parents close after their children, but a
   * subgraph's label may follow its nodes, so chains are linked up lazily in {@link #classesOf}.
   */
  void close(Scope scope) {
    if (!scope.isRoot()) {
      derivedClasses.put(scope, deriveClass(scope.label()));
    }
  }

  Graph build(String name, SourcePosition position) {
    List<Node> built = new ArrayList<>(nodes.size());
    Map<Scope, ClassList> memo = new IdentityHashMap<>();
    nodes.forEach((id, draft) -> built.add(new Node(
        id, draft.attributes.build(), classesOf(draft.scopes, memo), draft.position)));
    return new Graph(name, Attributes.of(graphAttributes.values()), built, edges, position);
  }

  /** Derived classes of a node: its subgraphs' classes, innermost first, without repeats. */
  private List<String> classesOf(List<Scope> scopes, Map<Scope, ClassList> memo) {
    if (scopes.isEmpty()) {
      return List.of();
    }
    Set<String> classes = new LinkedHashSet<>();
    for (Scope scope : scopes) {
      for (ClassList list = chainOf(scope, memo); list != ClassList.EMPTY; list = list.outer()) {
        classes.add(list.name());
      }
    }
    return List.copyOf(classes);
  }

  /**
   * The classes of a scope and its ancestors as a shared linked list, innermost first. Memoised
   * per scope and built without recursion, so deep nesting costs neither stack nor quadratic memory.
   */
  private ClassList chainOf(Scope scope, Map<Scope, ClassList> memo) {
    List<Scope> pending = new ArrayList<>();
    Scope cursor = scope;
    while (cursor != null && !cursor.isRoot() && !memo.containsKey(cursor)) {
      pending.add(cursor);
      cursor = cursor.parent();
    }
    ClassList inherited = cursor == null || cursor.isRoot() ? ClassList.EMPTY : memo.get(cursor);
    for (int i = pending.size() - 1; i >= 0; i--) {
      Scope s = pending.get(i);
      String own = derivedClasses.getOrDefault(s, "");
      ClassList chain = own.isEmpty() ? inherited : new ClassList(own, inherited);
      memo.put(s, chain);
      inherited = chain;
    }
    return inherited;
  }

  /**
   * 2.10: lowercase the (trimmed) label, replace spaces with hyphens, strip everything but letters, digits
   * and hyphens. {@code "Loop A"} becomes {@code loop-a}.
   */
  static String deriveClass(String label) {
    StringBuilder out = new StringBuilder(label.length());
    for (char c : label.strip().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == ' ') {
        out.append('-');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** An immutable cons list of class names, innermost subgraph first. */
  private record ClassList(String name, ClassList outer) {
    static final ClassList EMPTY = new ClassList("", null);
  }

  private static final class NodeDraft {
    final SourcePosition position;
    final Attributes.Builder attributes;
    final List<Scope> scopes = new ArrayList<>(1);

    NodeDraft(SourcePosition position, Attributes.Builder attributes) {
      this.position = position;
      this.attributes = attributes;
    }
  }
}
