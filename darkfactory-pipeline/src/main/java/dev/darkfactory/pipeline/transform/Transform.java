package dev.darkfactory.pipeline.transform;

import dev.darkfactory.pipeline.graph.Graph;

/**
 * A rewrite of the pipeline graph between parsing and validation (attractor-spec.md 9.1).
 *
 * <p>Implementations return a new graph and never modify their input; the immutable {@link Graph}
 * makes that the only possibility. Returning the input unchanged is allowed when there is nothing
 * to do.
 */
@FunctionalInterface
public interface Transform {

  Graph apply(Graph graph);
}
