package dev.darkfactory.pipeline.graph;

import static dev.darkfactory.pipeline.graph.AttributeScope.EDGE;
import static dev.darkfactory.pipeline.graph.AttributeScope.GRAPH;
import static dev.darkfactory.pipeline.graph.AttributeScope.NODE;
import static dev.darkfactory.pipeline.graph.AttributeType.BOOLEAN;
import static dev.darkfactory.pipeline.graph.AttributeType.DURATION;
import static dev.darkfactory.pipeline.graph.AttributeType.FLOAT;
import static dev.darkfactory.pipeline.graph.AttributeType.INTEGER;
import static dev.darkfactory.pipeline.graph.AttributeType.STRING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every attribute the engine reads, one table for the parser (type conversion), the linter
 * (unknown keys, wrong types) and the docs. Appendix A of attractor-spec.md plus the handler
 * attributes of section 4 and our documented extensions.
 *
 * <p>Graphviz presentation attributes ({@code color}, {@code rankdir}, ...) are accepted without a
 * warning: pipelines are also drawings.
 */
public final class KnownAttributes {
  private static final Map<AttributeScope, Map<String, AttributeSpec>> SPECS = buildSpecs();

  private static final Set<String> GRAPHVIZ_GRAPH = Set.of(
      "rankdir", "bgcolor", "fontname", "fontsize", "fontcolor", "splines", "nodesep", "ranksep",
      "compound", "concentrate", "size", "ratio", "margin", "pad", "dpi", "newrank", "center",
      "ordering", "labelloc", "labeljust", "style", "color", "fillcolor", "pencolor", "penwidth",
      "tooltip", "URL", "href", "id", "comment", "layout", "overlap", "rank", "clusterrank",
      "outputorder", "remincross", "searchsize", "class");
  private static final Set<String> GRAPHVIZ_NODE = Set.of(
      "color", "fillcolor", "style", "fontname", "fontsize", "fontcolor", "width", "height",
      "fixedsize", "penwidth", "peripheries", "tooltip", "URL", "href", "id", "comment", "xlabel",
      "margin", "group", "image", "orientation", "sides", "regular", "distortion", "skew",
      "labelloc", "pos", "gradientangle", "target");
  private static final Set<String> GRAPHVIZ_EDGE = Set.of(
      "color", "style", "penwidth", "arrowhead", "arrowtail", "arrowsize", "dir", "fontname",
      "fontsize", "fontcolor", "tooltip", "xlabel", "headlabel", "taillabel", "constraint",
      "minlen", "lhead", "ltail", "headport", "tailport", "labelfontsize", "labelfontcolor",
      "labelfontname", "labelangle", "labeldistance", "decorate", "comment", "id", "URL", "href",
      "samehead", "sametail", "target");

  /** Common misspellings and names other tools use, mapped to ours (peer-lessons: "model" silently ignored). */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("model", "llm_model"),
      Map.entry("llm", "llm_model"),
      Map.entry("provider", "llm_provider"),
      Map.entry("effort", "reasoning_effort"),
      Map.entry("reasoning", "reasoning_effort"),
      Map.entry("fallback_target", "fallback_retry_target"),
      Map.entry("fallback", "fallback_retry_target"),
      Map.entry("retries", "max_retries"),
      Map.entry("retry", "max_retries"),
      Map.entry("max_retry", "max_retries"),
      Map.entry("retry_count", "max_retries"),
      Map.entry("command", "tool_command"),
      Map.entry("cmd", "tool_command"),
      Map.entry("script", "tool_command"),
      Map.entry("stylesheet", "model_stylesheet"),
      Map.entry("thread", "thread_id"),
      Map.entry("default_choice", "human.default_choice"),
      Map.entry("child_dotfile", "stack.child_dotfile"),
      Map.entry("max_iterations", "max_visits"),
      Map.entry("max_loops", "max_visits"),
      Map.entry("gate", "goal_gate"),
      Map.entry("when", "condition"),
      Map.entry("if", "condition"),
      Map.entry("priority", "weight"));

  private KnownAttributes() {}

  private static Map<AttributeScope, Map<String, AttributeSpec>> buildSpecs() {
    List<AttributeSpec> all = new ArrayList<>();
    // Graph attributes: attractor-spec.md 2.5 and Appendix A.
    all.add(new AttributeSpec(GRAPH, "goal", STRING, "", "Pipeline goal; $goal in prompts, graph.goal in the context.", "2.5"));
    all.add(new AttributeSpec(GRAPH, "label", STRING, "", "Display name for the graph.", "2.5"));
    all.add(new AttributeSpec(GRAPH, "model_stylesheet", STRING, "", "CSS-like LLM model/provider defaults (section 8).", "2.5"));
    all.add(new AttributeSpec(GRAPH, "default_max_retries", INTEGER, "0", "Additional retries for nodes without max_retries.", "2.5"));
    all.add(new AttributeSpec(GRAPH, "default_max_retry", INTEGER, "0", "Legacy alias of default_max_retries.", "2.5"));
    all.add(new AttributeSpec(GRAPH, "retry_target", STRING, "", "Node to jump to when exit is reached with unsatisfied goal gates.", "2.5"));
    all.add(new AttributeSpec(GRAPH, "fallback_retry_target", STRING, "", "Secondary goal-gate jump target.", "2.5"));
    all.add(new AttributeSpec(GRAPH, "default_fidelity", STRING, "", "Default context fidelity; unset means compact (5.4).", "2.5"));
    all.add(new AttributeSpec(GRAPH, "stack.child_dotfile", STRING, "", "Child pipeline supervised by a manager loop.", "Appendix A"));
    all.add(new AttributeSpec(GRAPH, "stack.child_workdir", STRING, "", "Working directory of the child run (default: cwd).", "Appendix A"));
    all.add(new AttributeSpec(GRAPH, "tool_hooks.pre", STRING, "", "Shell command run before each LLM tool call.", "9.7"));
    all.add(new AttributeSpec(GRAPH, "tool_hooks.post", STRING, "", "Shell command run after each LLM tool call.", "9.7"));
    all.add(new AttributeSpec(GRAPH, "pass_env", STRING, "", "Environment variables passed to every command of the run besides the allow-list (comma-separated names).", "extension"));
    all.add(new AttributeSpec(GRAPH, "llm_model", STRING, "", "Graph-level default model (8.5 step 3).", "8.5"));
    all.add(new AttributeSpec(GRAPH, "llm_provider", STRING, "", "Graph-level default provider (8.5 step 3).", "8.5"));
    all.add(new AttributeSpec(GRAPH, "reasoning_effort", STRING, "", "Graph-level default reasoning effort (8.5 step 3).", "8.5"));
    all.add(new AttributeSpec(GRAPH, "thread_id", STRING, "", "Graph-level default thread for full fidelity (5.4 step 3).", "5.4"));
    all.add(new AttributeSpec(GRAPH, "max_visits", INTEGER, "", "Default bound on how often one node may run in a run.", "extension"));
    all.add(new AttributeSpec(GRAPH, "max_goal_gate_retries", INTEGER, "", "Bound on goal-gate jumps before the run fails.", "extension"));
    all.add(new AttributeSpec(GRAPH, "timeout", DURATION, "", "Wall-clock limit for the whole run.", "extension"));
    all.add(new AttributeSpec(GRAPH, "max_tokens", INTEGER, "", "Token budget for the whole run.", "extension"));
    all.add(new AttributeSpec(GRAPH, "max_cost_usd", FLOAT, "", "Cost budget for the whole run, in US dollars.", "extension"));
    all.add(new AttributeSpec(GRAPH, "stall_timeout", DURATION, "", "Stop an agent stage that shows no progress (no output, no workspace change) for this long.", "extension"));
    all.add(new AttributeSpec(GRAPH, "default_retry_policy", STRING, "", "Backoff preset for retries: none, standard, aggressive, linear, patient (3.6).", "extension"));
    all.add(new AttributeSpec(GRAPH, "retry_on_fail", BOOLEAN, "true", "Retry FAIL outcomes like RETRY when max_retries allows (11.5); false keeps 3.5's rule.", "extension"));
    all.add(new AttributeSpec(GRAPH, "max_restarts", INTEGER, "", "Bound on loop_restart edges followed in one run.", "extension"));

    // Node attributes: attractor-spec.md 2.6, section 4 and Appendix A.
    all.add(new AttributeSpec(NODE, "label", STRING, "", "Display name; defaults to the node ID.", "2.6"));
    all.add(new AttributeSpec(NODE, "shape", STRING, "box", "Graphviz shape; selects the handler (2.8).", "2.6"));
    all.add(new AttributeSpec(NODE, "type", STRING, "", "Explicit handler type; wins over the shape.", "2.6"));
    all.add(new AttributeSpec(NODE, "prompt", STRING, "", "Instruction for the stage; $goal is expanded.", "2.6"));
    all.add(new AttributeSpec(NODE, "max_retries", INTEGER, "", "Additional attempts; inherits default_max_retries.", "2.6"));
    all.add(new AttributeSpec(NODE, "goal_gate", BOOLEAN, "false", "Must succeed before the pipeline may exit.", "2.6"));
    all.add(new AttributeSpec(NODE, "retry_target", STRING, "", "Node to jump to when this node fails.", "2.6"));
    all.add(new AttributeSpec(NODE, "fallback_retry_target", STRING, "", "Secondary retry target.", "2.6"));
    all.add(new AttributeSpec(NODE, "fidelity", STRING, "", "Context fidelity mode (5.4).", "2.6"));
    all.add(new AttributeSpec(NODE, "thread_id", STRING, "", "Session reuse key under full fidelity.", "2.6"));
    all.add(new AttributeSpec(NODE, "class", STRING, "", "Comma-separated stylesheet classes.", "2.6"));
    all.add(new AttributeSpec(NODE, "timeout", DURATION, "", "Maximum execution time of the node.", "2.6"));
    all.add(new AttributeSpec(NODE, "llm_model", STRING, "", "LLM model identifier.", "2.6"));
    all.add(new AttributeSpec(NODE, "llm_provider", STRING, "", "LLM provider key.", "2.6"));
    all.add(new AttributeSpec(NODE, "reasoning_effort", STRING, "high", "low, medium or high.", "2.6"));
    all.add(new AttributeSpec(NODE, "auto_status", BOOLEAN, "false", "Synthesize SUCCESS when the handler writes no status.", "2.6"));
    all.add(new AttributeSpec(NODE, "allow_partial", BOOLEAN, "false", "Accept PARTIAL_SUCCESS when retries are exhausted.", "2.6"));
    all.add(new AttributeSpec(NODE, "tool_command", STRING, "", "Shell command of a tool node.", "4.10"));
    all.add(new AttributeSpec(NODE, "join_policy", STRING, "wait_all", "Parallel join policy: wait_all or first_success.", "4.8"));
    all.add(new AttributeSpec(NODE, "max_parallel", INTEGER, "4", "Branches of a parallel node run at once.", "4.8"));
    all.add(new AttributeSpec(NODE, "human.default_choice", STRING, "", "Edge target chosen when a human gate times out.", "6.5"));
    all.add(new AttributeSpec(NODE, "manager.poll_interval", DURATION, "45s", "Manager loop cycle interval.", "4.11"));
    all.add(new AttributeSpec(NODE, "manager.max_cycles", INTEGER, "1000", "Manager loop cycle bound.", "4.11"));
    all.add(new AttributeSpec(NODE, "manager.stop_condition", STRING, "", "Condition that ends the manager loop.", "4.11"));
    all.add(new AttributeSpec(NODE, "manager.actions", STRING, "observe,wait", "Manager actions: observe, steer, wait.", "4.11"));
    all.add(new AttributeSpec(NODE, "stack.child_autostart", BOOLEAN, "true", "Start the child pipeline automatically.", "4.11"));
    all.add(new AttributeSpec(NODE, "stack.child_dotfile", STRING, "", "Child pipeline of this manager node (overrides the graph's).", "extension"));
    all.add(new AttributeSpec(NODE, "stack.child_workdir", STRING, "", "Working directory of this node's child run.", "extension"));
    all.add(new AttributeSpec(NODE, "tool_hooks.pre", STRING, "", "Shell command run before each LLM tool call of this node.", "9.7"));
    all.add(new AttributeSpec(NODE, "tool_hooks.post", STRING, "", "Shell command run after each LLM tool call of this node.", "9.7"));
    all.add(new AttributeSpec(NODE, "pass_env", STRING, "", "Environment variables passed to this node's commands, besides the graph's (comma-separated names).", "extension"));
    all.add(new AttributeSpec(NODE, "stall_timeout", DURATION, "", "Stop this node's agent when it shows no progress (no output, no workspace change) for this long.", "extension"));
    all.add(new AttributeSpec(NODE, "max_visits", INTEGER, "", "Bound on how often this node may run in one run.", "extension"));
    all.add(new AttributeSpec(NODE, "retry_policy", STRING, "", "Backoff preset: none, standard, aggressive, linear, patient (3.6).", "extension"));
    all.add(new AttributeSpec(NODE, "retry_on_fail", BOOLEAN, "", "Per-node override of the graph's retry_on_fail.", "extension"));
    all.add(new AttributeSpec(NODE, "stack.child_logs_root", STRING, "", "Run directory of the child a manager loop supervises (default: {stage dir}/child).", "extension"));

    // Edge attributes: attractor-spec.md 2.7.
    all.add(new AttributeSpec(EDGE, "label", STRING, "", "Caption and routing key (preferred label).", "2.7"));
    all.add(new AttributeSpec(EDGE, "condition", STRING, "", "Boolean guard (section 10).", "2.7"));
    all.add(new AttributeSpec(EDGE, "weight", INTEGER, "0", "Priority among eligible edges; higher wins.", "2.7"));
    all.add(new AttributeSpec(EDGE, "fidelity", STRING, "", "Fidelity for the target node; highest precedence.", "2.7"));
    all.add(new AttributeSpec(EDGE, "thread_id", STRING, "", "Thread for the target node.", "2.7"));
    all.add(new AttributeSpec(EDGE, "loop_restart", BOOLEAN, "false", "Restart the run with a fresh log directory.", "2.7"));

    Map<AttributeScope, Map<String, AttributeSpec>> byScope = new EnumMap<>(AttributeScope.class);
    for (AttributeScope scope : AttributeScope.values()) {
      byScope.put(scope, new LinkedHashMap<>());
    }
    all.forEach(spec -> byScope.get(spec.scope()).put(spec.key(), spec));
    byScope.replaceAll((scope, map) -> Collections.unmodifiableMap(map));
    return Collections.unmodifiableMap(byScope);
  }

  /** The documented attribute {@code key} in {@code scope}, if any. */
  public static Optional<AttributeSpec> lookup(AttributeScope scope, String key) {
    return Optional.ofNullable(SPECS.get(scope).get(key));
  }

  /** All documented attributes of a scope, in the order of the spec's tables. */
  public static List<AttributeSpec> all(AttributeScope scope) {
    return List.copyOf(SPECS.get(scope).values());
  }

  /** True for Graphviz presentation attributes, which the engine ignores and the linter accepts. */
  public static boolean isPresentation(AttributeScope scope, String key) {
    return switch (scope) {
      case GRAPH -> GRAPHVIZ_GRAPH.contains(key);
      case NODE -> GRAPHVIZ_NODE.contains(key);
      case EDGE -> GRAPHVIZ_EDGE.contains(key);
    };
  }

  public static boolean isKnown(AttributeScope scope, String key) {
    return SPECS.get(scope).containsKey(key) || isPresentation(scope, key);
  }

  /**
   * The documented attribute a user most likely meant by an unknown key: a known alias, else the
   * closest name within a small edit distance.
   */
  public static Optional<String> suggest(AttributeScope scope, String key) {
    String alias = ALIASES.get(key);
    if (alias != null && SPECS.get(scope).containsKey(alias)) {
      return Optional.of(alias);
    }
    return Spelling.closest(key, SPECS.get(scope).keySet());
  }
}
