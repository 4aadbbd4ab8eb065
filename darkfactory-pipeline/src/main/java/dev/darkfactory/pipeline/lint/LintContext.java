package dev.darkfactory.pipeline.lint;

import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import java.util.Objects;
import java.util.Set;

/**
 * What rules may know beyond the graph: the handler types that are registered (attractor-spec.md
 * 4.2), so {@code type_known} accepts custom handlers and every rule resolves a node's handler the
 * way the engine will.
 *
 * @param handlerTypes the registered handler type names
 */
public record LintContext(Set<String> handlerTypes, ConditionMemo conditions) {

  public LintContext {
    handlerTypes = Set.copyOf(handlerTypes);
    Objects.requireNonNull(conditions, "conditions");
  }

  public LintContext(Set<String> handlerTypes) {
    this(handlerTypes, new ConditionMemo());
  }

  /** Contexts are equal when they register the same handlers; the memo is scratch space, not a setting. */
  @Override
  public boolean equals(Object other) {
    return other instanceof LintContext that && handlerTypes.equals(that.handlerTypes);
  }

  @Override
  public int hashCode() {
    return handlerTypes.hashCode();
  }

  /** The same settings with an empty condition memo: one per validation pass. */
  LintContext fresh() {
    return new LintContext(handlerTypes, new ConditionMemo());
  }

  /** The built-in handler types only. */
  public static LintContext defaults() {
    return new LintContext(HandlerTypes.builtIn());
  }

  public boolean isRegistered(String type) {
    return handlerTypes.contains(type);
  }

  /** The handler type that will run {@code node}: explicit type, else shape, else codergen (4.2). */
  public String handlerType(Node node) {
    return HandlerTypes.resolve(node, handlerTypes::contains);
  }
}
