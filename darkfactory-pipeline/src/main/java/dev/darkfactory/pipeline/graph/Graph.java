package dev.darkfactory.pipeline.graph;

import dev.darkfactory.pipeline.source.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable pipeline graph (attractor-spec.md section 2): graph attributes, nodes in
 * declaration order, edges in declaration order, and adjacency indexes built once.
 *
 * <p>Transforms (section 9) return new graphs through the {@code with...} methods; nothing here
 * changes after construction.
 */
public final class Graph {
  // Lists, not sets: Set.of iterates in an order that changes between JVM runs, which made the
  // order of startNodes()/exitNodes() (and the messages built from them) nondeterministic.
  private static final List<String> START_IDS = List.of("start", "Start");
  private static final List<String> EXIT_IDS = List.of("exit", "end");

  private final String name;
  private final Attributes attributes;
  private final Map<String, Node> nodes;
  private final List<Edge> edges;
  private final SourcePosition position;
  private final Map<String, List<Edge>> outgoing;
  private final Map<String, List<Edge>> incoming;
  /** The exit nodes, found once: callers ask for every node whether it is one. */
  private final List<Node> exits;
  private final Set<String> exitIds;

  public Graph(String name, Attributes attributes, Collection<Node> nodes, List<Edge> edges, SourcePosition position) {
    this(name, attributes, index(nodes), List.copyOf(edges), position, null);
  }

  /** Shares {@code adjacency} with a graph that has the same edges, so transforms that rewrite nodes stay cheap. */
  private Graph(String name, Attributes attributes, Map<String, Node> nodes, List<Edge> edges, SourcePosition position,
      Graph sameEdges) {
    this.name = Objects.requireNonNull(name, "name");
    this.attributes = Objects.requireNonNull(attributes, "attributes");
    this.position = Objects.requireNonNull(position, "position");
    this.nodes = nodes;
    this.edges = edges;
    this.exits = List.copyOf(terminals(HandlerTypes.EXIT, "Msquare", EXIT_IDS));
    this.exitIds = exits.stream().map(Node::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    if (sameEdges != null) {
      this.outgoing = sameEdges.outgoing;
      this.incoming = sameEdges.incoming;
      return;
    }
    Map<String, List<Edge>> out = new HashMap<>();
    Map<String, List<Edge>> in = new HashMap<>();
    for (Edge edge : this.edges) {
      out.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
      in.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    in.replaceAll((k, v) -> List.copyOf(v));
    this.outgoing = out;
    this.incoming = in;
  }

  private static Map<String, Node> index(Collection<Node> nodes) {
    Map<String, Node> byId = new LinkedHashMap<>();
    for (Node node : nodes) {
      if (byId.putIfAbsent(node.id(), node) != null) {
        throw new IllegalArgumentException("duplicate node id: " + node.id());
      }
    }
    return Collections.unmodifiableMap(byId);
  }

  public static Graph of(String name, Attributes attributes, Collection<Node> nodes, List<Edge> edges) {
    return new Graph(name, attributes, nodes, edges, SourcePosition.UNKNOWN);
  }

  public String name() {
    return name;
  }

  public Attributes attributes() {
    return attributes;
  }

  /** Nodes in declaration order. */
  public Collection<Node> nodes() {
    return nodes.values();
  }

  public Optional<Node> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public boolean hasNode(String id) {
    return nodes.containsKey(id);
  }

  /** Edges in declaration order. */
  public List<Edge> edges() {
    return edges;
  }

  public List<Edge> outgoing(String nodeId) {
    return outgoing.getOrDefault(nodeId, List.of());
  }

  public List<Edge> incoming(String nodeId) {
    return incoming.getOrDefault(nodeId, List.of());
  }

  /** Where the {@code digraph} keyword was written. */
  public SourcePosition position() {
    return position;
  }

  // Transforms (section 9.1): each returns a new graph.

  public Graph withAttributes(Attributes replacement) {
    return new Graph(name, replacement, nodes, edges, position, this);
  }

  public Graph withNodes(Collection<Node> replacement) {
    return new Graph(name, attributes, index(replacement), edges, position, this);
  }

  public Graph withEdges(List<Edge> replacement) {
    return new Graph(name, attributes, nodes.values(), replacement, position);
  }

  // Start and exit (2.8, 3.2, 4.3, 4.4).

  /**
   * Candidate start nodes: those with {@code shape=Mdiamond} (or an explicit {@code type=start});
   * when there are none, a node whose ID is {@code start} or {@code Start}.
   */
  public List<Node> startNodes() {
    return terminals(HandlerTypes.START, "Mdiamond", START_IDS);
  }

  /**
   * Candidate exit nodes: those with {@code shape=Msquare} (or an explicit {@code type=exit}); when
   * there are none, a node whose ID is {@code exit} or {@code end}.
   */
  public List<Node> exitNodes() {
    return exits;
  }

  public Optional<Node> startNode() {
    return startNodes().stream().findFirst();
  }

  public boolean isExit(Node node) {
    return exitIds.contains(node.id());
  }

  private List<Node> terminals(String type, String shape, List<String> ids) {
    List<Node> byShape = new ArrayList<>();
    for (Node node : nodes.values()) {
      if (node.shape().equals(shape) || node.type().equals(type)) {
        byShape.add(node);
      }
    }
    if (!byShape.isEmpty()) {
      return byShape;
    }
    List<Node> byId = new ArrayList<>();
    for (String id : ids) {
      Node node = nodes.get(id);
      if (node != null) {
        byId.add(node);
      }
    }
    return byId;
  }

  // Typed graph attributes (2.5 and Appendix A).

  public String goal() {
    return attributes.text("goal", "");
  }

  public String label() {
    return attributes.text("label", "");
  }

  public String modelStylesheet() {
    return attributes.text("model_stylesheet", "");
  }

  /** {@code default_max_retries}, or its legacy alias {@code default_max_retry}, else 0 (3.5). */
  public int defaultMaxRetries() {
    long value = attributes.integer("default_max_retries").orElse(attributes.integer("default_max_retry").orElse(0));
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
  }

  /** {@code default_max_retries} (or {@code default_max_retry}) when written, so "unset" differs from 0 (3.5). */
  public OptionalInt explicitDefaultMaxRetries() {
    return attributes.has("default_max_retries") || attributes.has("default_max_retry")
        ? OptionalInt.of(defaultMaxRetries())
        : OptionalInt.empty();
  }

  public Optional<String> retryTarget() {
    return attributes.nonEmptyText("retry_target");
  }

  public Optional<String> fallbackRetryTarget() {
    return attributes.nonEmptyText("fallback_retry_target");
  }

  /** {@code default_fidelity} when set; the runtime fallback is {@code compact} (5.4). */
  public Optional<String> defaultFidelity() {
    return attributes.nonEmptyText("default_fidelity");
  }

  public Optional<String> threadId() {
    return attributes.nonEmptyText("thread_id");
  }

  public OptionalInt maxVisits() {
    long value = attributes.integer("max_visits").orElse(-1);
    return value < 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.min(Integer.MAX_VALUE, value));
  }

  public Optional<Duration> timeout() {
    return attributes.duration("timeout");
  }

  /** {@code tool_hooks.pre} (9.7): the shell command run before each LLM tool call, for nodes that set none. */
  public Optional<String> toolHooksPre() {
    return attributes.nonEmptyText("tool_hooks.pre").map(String::strip).filter(s -> !s.isEmpty());
  }

  /** {@code tool_hooks.post} (9.7): the shell command run after each LLM tool call, for nodes that set none. */
  public Optional<String> toolHooksPost() {
    return attributes.nonEmptyText("tool_hooks.post").map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * {@code pass_env}: names of environment variables every command of the run gets from the
   * engine's environment besides the allow-list (tool nodes, agent shells, tool hooks).
   */
  public List<String> passEnv() {
    return attributes.words("pass_env");
  }

  /** {@code stack.child_dotfile}: the child pipeline of manager loop nodes (4.11). */
  public Optional<String> childDotfile() {
    return attributes.nonEmptyText("stack.child_dotfile");
  }

  /** {@code stack.child_workdir}: the child run's working directory (Appendix A). */
  public Optional<String> childWorkdir() {
    return attributes.nonEmptyText("stack.child_workdir");
  }

  /** {@code max_goal_gate_retries}: how many goal-gate jumps a run may make (extension). */
  public OptionalInt maxGoalGateRetries() {
    return nonNegative("max_goal_gate_retries");
  }

  /** {@code max_restarts}: how many {@code loop_restart} edges a run may follow (extension). */
  public OptionalInt maxRestarts() {
    return nonNegative("max_restarts");
  }

  /** {@code default_retry_policy}: the backoff preset of nodes without {@code retry_policy} (3.6). */
  public Optional<String> defaultRetryPolicy() {
    return attributes.nonEmptyText("default_retry_policy");
  }

  /** {@code retry_on_fail}: whether FAIL outcomes are retried like RETRY (extension). */
  public Optional<Boolean> retryOnFail() {
    return attributes.bool("retry_on_fail");
  }

  private OptionalInt nonNegative(String key) {
    long value = attributes.integer(key).orElse(-1);
    return value < 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.min(Integer.MAX_VALUE, value));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Graph that
        && name.equals(that.name)
        && attributes.equals(that.attributes)
        && nodes.equals(that.nodes)
        && edges.equals(that.edges);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, attributes, nodes, edges);
  }

  @Override
  public String toString() {
    return "Graph[" + name + ", " + nodes.size() + " nodes, " + edges.size() + " edges]";
  }
}
