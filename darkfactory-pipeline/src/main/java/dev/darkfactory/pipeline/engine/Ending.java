package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StopReason;
import java.util.Optional;

/** How a traversal ended. */
sealed interface Ending {

  /** The exit was executed, or a node had no route onward (3.2 step 6): the outcome decides success. */
  record Finished(Outcome outcome) implements Ending {}

  /** The engine ended the traversal: a bound was hit, a goal gate could not be satisfied, the graph was inconsistent. */
  record Failed(String reason, Optional<String> nodeId) implements Ending {}

  /** A stop signal or a handler's {@link dev.darkfactory.pipeline.handler.StopRunException}; {@code atNode} runs first on resume. */
  record Stopped(StopReason reason, String atNode) implements Ending {}

  /** A branch reached a node that joins branches, or the exit. */
  record Joined(String nodeId) implements Ending {}

  /** A {@code loop_restart} edge was taken: the run starts again at {@code target} in a fresh directory (2.7). */
  record Restart(String target, String directory) implements Ending {}
}
