package dev.darkfactory.pipeline.lint;

import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import java.util.Set;

/**
 * What rules may know beyond the graph: the handler types that are registered (attractor-spec.md
 * 4.2), so {@code type_known} accepts custom handlers and every rule resolves a node's handler the
 * way the engine will.
 *
 * @param handlerTypes the registered handler type names
 */
public record LintContext(Set<String> handlerTypes) {

  public LintContext {
    handlerTypes = Set.copyOf(handlerTypes);
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
