package dev.darkfactory.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The searchable list of runs. The run directories hold the truth (checkpoint, events, stage
 * files); the index answers "which runs, in what state" quickly and survives restarts, so the
 * server knows which runs were in flight when it stopped.
 */
public interface RunIndex extends AutoCloseable {

  /** Inserts or replaces the row of {@code run.id()}. */
  void save(IndexedRun run);

  Optional<IndexedRun> find(String id);

  /** Runs newest first, only those in {@code status} when given, at most {@code limit}. */
  List<IndexedRun> list(Optional<String> status, int limit);

  /** A short description for {@code /api/info} and the startup line: {@code sqlite}, {@code postgresql}. */
  String kind();

  @Override
  void close();
}
