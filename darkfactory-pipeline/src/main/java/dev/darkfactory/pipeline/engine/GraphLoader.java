package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.graph.Graph;
import java.nio.file.Path;

/**
 * Turns a pipeline file into a runnable graph: parse, transform, validate (3.1 phases 1-3). The
 * engine needs one for child pipelines (manager loops); the CLI and server pass one built from
 * their {@code PipelineLoader}, so children are checked exactly like the parent.
 */
@FunctionalInterface
public interface GraphLoader {
  /** @throws dev.darkfactory.pipeline.problem.PipelineException when the file cannot be read, parsed or validated */
  Graph load(Path file);
}
