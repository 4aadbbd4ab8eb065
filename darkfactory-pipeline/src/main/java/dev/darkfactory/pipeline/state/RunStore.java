package dev.darkfactory.pipeline.state;

import java.util.List;
import java.util.Optional;

/**
 * Where runs live: the seam between the engine and whoever keeps runs (the CLI keeps them under
 * {@code .factory/runs/}; the HTTP server lists and resumes them from its data directory).
 */
public interface RunStore {

  /** The directory for a new run. */
  RunDirectory create(String runId);

  /** The directory of an existing run, if there is one. */
  Optional<RunDirectory> open(String runId);

  /** Every run that has a manifest, newest first. */
  List<Manifest> list();
}
