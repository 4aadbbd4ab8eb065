package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import java.util.Set;

/**
 * A routing point (attractor-spec.md 4.7, 11.6): does no work and passes the previous stage's
 * status through, so the conditions on its outgoing edges ({@code outcome=success}, {@code
 * outcome!=success}) test the stage before the diamond, as the branching example of 2.13 needs.
 * 4.7's sketch returns SUCCESS, which would make that example always take the success edge; see
 * the spec-conformance ledger. Only the status passes through: the context's {@code
 * preferred_label} may be left over from an older stage, so route on labels at the stage itself.
 */
public final class ConditionalHandler implements Handler {
  @Override
  public Outcome execute(Stage stage) {
    StageStatus previous = StageStatus.fromWire(stage.context().getString(ContextKeys.OUTCOME)).orElse(StageStatus.SUCCESS);
    Outcome outcome = Outcome.of(previous).withNotes("Conditional node evaluated: " + stage.node().id());
    return previous == StageStatus.FAIL ? outcome.withFailureReason("the stage before " + stage.node().id() + " failed") : outcome;
  }

  @Override
  public Set<HandlerCapability> capabilities(Node node) {
    return Set.of(HandlerCapability.ROUTING_ONLY);
  }
}
