package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.Outcome;
import java.util.Set;

/**
 * Executes one kind of node (attractor-spec.md 4.1). The spec's {@code execute(node, context,
 * graph, logs_root)} receives its arguments as one {@link Stage}, which also carries what the
 * engine lends a stage: its directory, the cancellation signal, an event sink, and runners for
 * parallel branches and child pipelines.
 *
 * <p>Contract (4.12): handlers are stateless or synchronise their own state, since parallel
 * branches call them concurrently. An exception thrown here becomes a FAIL outcome with its
 * message; it never stops the engine. To stop the run resumably instead, throw {@link
 * StopRunException}.
 */
@FunctionalInterface
public interface Handler {

  Outcome execute(Stage stage) throws Exception;

  /**
   * What the engine must know about this handler for {@code node}, instead of checking its type
   * (peer lessons, spec trap 12). None by default.
   */
  default Set<HandlerCapability> capabilities(Node node) {
    return Set.of();
  }
}
