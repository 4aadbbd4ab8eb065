package dev.darkfactory.cli.render;

import dev.darkfactory.pipeline.backend.cost.Spend;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.PipelineListener;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each stage spent, for the progress lines: at a stage's start it remembers its node's total
 * in the ledger, and at its end the difference is that execution's spend. Register it before the
 * {@link ProgressRenderer}, which asks it while rendering the stage's end.
 */
public final class StageSpend implements PipelineListener {
  private final SpendLedger ledger;
  private final Map<String, Spend> atStart = new HashMap<>();

  public StageSpend(SpendLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public synchronized void onEvent(PipelineEvent event) {
    if (event instanceof PipelineEvent.StageStarted started) {
      atStart.put(key(started.runId(), started.nodeId()), ledger.node(started.nodeId()));
    }
  }

  /** The spend of the stage of {@code nodeId} that just ended, when it spent anything. */
  public synchronized Optional<Spend> ofStage(String runId, String nodeId) {
    Spend before = atStart.get(key(runId, nodeId));
    if (before == null) {
      return Optional.empty();
    }
    Spend spent = ledger.node(nodeId).minus(before);
    return spent.llmCalls() == 0 ? Optional.empty() : Optional.of(spent);
  }

  public Spend total() {
    return ledger.total();
  }

  private static String key(String runId, String nodeId) {
    return runId + "/" + nodeId;
  }
}
