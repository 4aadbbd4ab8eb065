package dev.darkfactory.pipeline.graph;

import dev.darkfactory.pipeline.source.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A pipeline stage (attractor-spec.md 2.6), with typed reads of every documented node attribute.
 *
 * @param derivedClasses classes derived from the labels of enclosing subgraphs (2.10), outermost first
 * @param position where the node was first declared
 */
public record Node(String id, Attributes attributes, List<String> derivedClasses, SourcePosition position) {

  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(attributes, "attributes");
    derivedClasses = List.copyOf(derivedClasses);
    Objects.requireNonNull(position, "position");
  }

  public static Node of(String id, Attributes attributes) {
    return new Node(id, attributes, List.of(), SourcePosition.UNKNOWN);
  }

  public Node withAttributes(Attributes replacement) {
    return new Node(id, replacement, derivedClasses, position);
  }

  /** Display name: the {@code label} attribute, else the ID. */
  public String label() {
    return attributes.nonEmptyText("label").orElse(id);
  }

  public String shape() {
    return attributes.nonEmptyText("shape").orElse("box");
  }

  /** The explicit handler type, or an empty string. */
  public String type() {
    return attributes.text("type", "");
  }

  public String prompt() {
    return attributes.text("prompt", "");
  }

  /** {@code max_retries} when set on the node; the graph default applies otherwise (3.5). */
  public OptionalInt maxRetries() {
    return toInt(attributes.integer("max_retries"));
  }

  public boolean goalGate() {
    return attributes.bool("goal_gate", false);
  }

  public Optional<String> retryTarget() {
    return attributes.nonEmptyText("retry_target");
  }

  public Optional<String> fallbackRetryTarget() {
    return attributes.nonEmptyText("fallback_retry_target");
  }

  public Optional<String> fidelity() {
    return attributes.nonEmptyText("fidelity");
  }

  public Optional<String> threadId() {
    return attributes.nonEmptyText("thread_id");
  }

  /** Classes from the {@code class} attribute (comma-separated), then those derived from subgraphs. */
  public List<String> classes() {
    Set<String> classes = new LinkedHashSet<>();
    for (String name : attributes.text("class", "").split(",")) {
      if (!name.isBlank()) {
        classes.add(name.strip());
      }
    }
    classes.addAll(derivedClasses);
    return List.copyOf(new ArrayList<>(classes));
  }

  public Optional<Duration> timeout() {
    return attributes.duration("timeout");
  }

  /** {@code tool_hooks.pre} (9.7) set on this node; the graph's applies when empty. */
  public Optional<String> toolHooksPre() {
    return attributes.nonEmptyText("tool_hooks.pre").map(String::strip).filter(s -> !s.isEmpty());
  }

  /** {@code tool_hooks.post} (9.7) set on this node; the graph's applies when empty. */
  public Optional<String> toolHooksPost() {
    return attributes.nonEmptyText("tool_hooks.post").map(String::strip).filter(s -> !s.isEmpty());
  }

  /** {@code pass_env}: names of environment variables this node's commands get besides the graph's {@code pass_env}. */
  public List<String> passEnv() {
    return attributes.words("pass_env");
  }

  public Optional<String> llmModel() {
    return attributes.nonEmptyText("llm_model");
  }

  public Optional<String> llmProvider() {
    return attributes.nonEmptyText("llm_provider");
  }

  /** {@code reasoning_effort}, {@code high} when unset (2.6). */
  public String reasoningEffort() {
    return attributes.nonEmptyText("reasoning_effort").orElse("high");
  }

  public boolean autoStatus() {
    return attributes.bool("auto_status", false);
  }

  public boolean allowPartial() {
    return attributes.bool("allow_partial", false);
  }

  public String toolCommand() {
    return attributes.text("tool_command", "");
  }

  public OptionalInt maxVisits() {
    return toInt(attributes.integer("max_visits"));
  }

  /** {@code join_policy} of a parallel node: {@code wait_all} (default) or {@code first_success} (4.8). */
  public String joinPolicy() {
    return attributes.nonEmptyText("join_policy").orElse("wait_all");
  }

  /** {@code max_parallel} of a parallel node: branches run at once, 4 by default (4.8). */
  public int maxParallel() {
    return toInt(attributes.integer("max_parallel")).orElse(4);
  }

  /** {@code human.default_choice}: the edge target (or key, or label) chosen when a human gate times out (6.5). */
  public Optional<String> humanDefaultChoice() {
    return attributes.nonEmptyText("human.default_choice");
  }

  /** {@code manager.poll_interval}, 45 s by default (4.11). */
  public Duration managerPollInterval() {
    return attributes.duration("manager.poll_interval").orElse(Duration.ofSeconds(45));
  }

  /** {@code manager.max_cycles}, 1000 by default (4.11). */
  public int managerMaxCycles() {
    return toInt(attributes.integer("manager.max_cycles")).orElse(1000);
  }

  /** {@code manager.stop_condition}, a condition over the context (4.11), or an empty string. */
  public String managerStopCondition() {
    return attributes.text("manager.stop_condition", "").strip();
  }

  /** {@code manager.actions}: the comma-separated actions {@code observe}, {@code steer}, {@code wait} (4.11). */
  public List<String> managerActions() {
    List<String> actions = new ArrayList<>();
    for (String action : attributes.nonEmptyText("manager.actions").orElse("observe,wait").split(",")) {
      if (!action.isBlank()) {
        actions.add(action.strip());
      }
    }
    return List.copyOf(actions);
  }

  /** {@code stack.child_autostart}, true by default (4.11). */
  public boolean childAutostart() {
    return attributes.bool("stack.child_autostart", true);
  }

  /** The node's own {@code stack.child_dotfile}; the graph's applies otherwise. */
  public Optional<String> childDotfile() {
    return attributes.nonEmptyText("stack.child_dotfile");
  }

  /** The node's own {@code stack.child_workdir}; the graph's applies otherwise. */
  public Optional<String> childWorkdir() {
    return attributes.nonEmptyText("stack.child_workdir");
  }

  /** {@code stack.child_logs_root}: where the supervised child run lives (extension). */
  public Optional<String> childLogsRoot() {
    return attributes.nonEmptyText("stack.child_logs_root");
  }

  /** {@code retry_policy}: a backoff preset name (3.6). */
  public Optional<String> retryPolicy() {
    return attributes.nonEmptyText("retry_policy");
  }

  /** {@code retry_on_fail}: whether FAIL outcomes are retried like RETRY (extension; see the ledger). */
  public Optional<Boolean> retryOnFail() {
    return attributes.bool("retry_on_fail");
  }

  private static OptionalInt toInt(java.util.OptionalLong value) {
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long v = value.getAsLong();
    return OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)));
  }
}
