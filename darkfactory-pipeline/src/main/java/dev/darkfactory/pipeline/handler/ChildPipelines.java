package dev.darkfactory.pipeline.handler;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts child pipelines in the same process (attractor-spec.md 4.11, 9.4): what a manager loop
 * supervises. A child whose run directory already holds a resumable checkpoint is resumed rather
 * than started again, so a resumed parent does not repeat the child's finished work.
 */
@FunctionalInterface
public interface ChildPipelines {

  /**
   * @param dotFile the child pipeline
   * @param logsRoot the child's run directory
   * @param workdir the child's working directory (tool nodes run there)
   * @param initialContext values the child starts with
   */
  ChildRun start(Path dotFile, Path logsRoot, Path workdir, Map<String, Object> initialContext);
}
