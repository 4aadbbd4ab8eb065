package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.Fidelity;
import dev.darkfactory.pipeline.state.FidelityMode;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resolves a stage's context fidelity (attractor-spec.md 5.4). Mode: the incoming edge's {@code
 * fidelity}, the node's, the graph's {@code default_fidelity}, else {@code compact}; a value that
 * is not a mode is skipped (the {@code fidelity_valid} lint rule reports it). Under {@code full},
 * the thread key: the node's {@code thread_id}, the edge's, the graph's, the class derived from the
 * innermost enclosing subgraph, else the previous node's ID.
 *
 * <p>Right after a resume, {@code full} becomes {@code summary:high} for one stage, because the
 * in-memory session it would continue is gone (5.3 step 6).
 */
final class FidelityResolver {
  private FidelityResolver() {}

  static Fidelity resolve(Node node, Optional<Edge> incoming, Graph graph, String previousNodeId, boolean degradeFull) {
    FidelityMode mode = Stream.of(incoming.flatMap(Edge::fidelity), node.fidelity(), graph.defaultFidelity())
        .flatMap(Optional::stream)
        .map(FidelityMode::fromWire)
        .flatMap(Optional::stream)
        .findFirst()
        .orElse(FidelityMode.COMPACT);
    if (mode != FidelityMode.FULL) {
      return Fidelity.of(mode);
    }
    if (degradeFull) {
      return new Fidelity(FidelityMode.SUMMARY_HIGH, Optional.empty(), true);
    }
    Optional<String> derived = node.derivedClasses().isEmpty() ? Optional.empty() : Optional.of(node.derivedClasses().getLast());
    String thread = Stream.of(node.threadId(), incoming.flatMap(Edge::threadId), graph.threadId(), derived)
        .flatMap(Optional::stream)
        .findFirst()
        .orElse(previousNodeId.isEmpty() ? node.id() : previousNodeId);
    return Fidelity.full(thread);
  }
}
