package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.event.EventSink;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.CheckpointStore;

/**
 * Where a traversal runs: at the top of the run, or inside a parallel branch. A branch stops at
 * nodes that join branches and at the exit, has no goal gates and no restarts, checkpoints to a
 * file of its own and can be cancelled alone.
 *
 * @param branch empty at the top level; {@code parallel_node/first_node} (nested with {@code /}) in a branch
 */
record Scope(String branch, EventSink events, Cancellation cancellation, CheckpointStore checkpoints) {
  boolean isBranch() {
    return !branch.isEmpty();
  }
}
