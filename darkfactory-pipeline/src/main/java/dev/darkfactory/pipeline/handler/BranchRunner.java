package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Context;

/**
 * Runs one parallel branch (attractor-spec.md 4.8 {@code execute_subgraph}): a traversal from the
 * branch's first node with its own context, until it reaches a node that joins branches (a fan-in),
 * the exit, or a node with no way forward. The engine provides it to the stage of a parallel node;
 * each branch is checkpointed on its own, so a resumed run does not execute a finished branch
 * again.
 */
@FunctionalInterface
public interface BranchRunner {

  /**
   * @param startNodeId the target of the fan-out edge
   * @param index the branch's position among the fan-out edges
   * @param context the branch's private copy of the context
   * @param cancellation stops this branch alone, or with the run
   */
  BranchResult run(String startNodeId, int index, Context context, Cancellation cancellation);
}
