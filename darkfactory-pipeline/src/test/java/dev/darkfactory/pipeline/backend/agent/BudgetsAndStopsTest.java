package dev.darkfactory.pipeline.backend.agent;

import static dev.darkfactory.pipeline.backend.agent.AgentRunKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.Reply;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets, provider failures that stop a run, the stall watchdog and the node timeout: each stops or
 * fails with a reason that names it, and budget and provider stops checkpoint first and resume
 * without running any completed stage again.
 */
class BudgetsAndStopsTest {
  @TempDir Path temp;

  static final String THREE_STAGES = """
      digraph Budget {
        graph [goal="Three stages", max_tokens=2000]
        start [shape=Mdiamond]
        a [prompt="A"]
        b [prompt="B"]
        c [prompt="C"]
        done [shape=Msquare]
        start -> a -> b -> c -> done
      }
      """;

  @Test
  void aRunStoppedByItsTokenBudgetResumesAndFinishesWithoutRepeatingAStage() {
    RunResult stopped;
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      kit.calls("shell", json("{'command':'echo a > a.txt'}")).says("A done.");   // 2 calls: 2,200 tokens, over the 2,000 budget
      stopped = kit.run(THREE_STAGES);
      assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
      assertThat(stopped.stopReason()).hasValueSatisfying(r -> {
        assertThat(r.code()).isEqualTo(RunBudget.STOP_TOKENS);
        assertThat(r.resumable()).isTrue();
        assertThat(r.message()).contains("2,200 of 2,000 tokens", "--max-tokens");
      });
      assertThat(stopped.completedNodes()).containsExactly("start", "a");
      assertThat(kit.twin.requests("/v1/messages")).hasSize(2);
      assertThat(kit.events.ofType(PipelineEvent.CheckpointSaved.class)).isNotEmpty();
    }
    // Resume with a higher budget (the command line's --max-tokens): a is not run again, b and c are.
    try (AgentRunKit kit = new AgentRunKit(temp).budget(new RunBudget(OptionalLong.of(10_000), Optional.empty()))) {
      kit.says("B done.").says("C done.");
      RunResult resumed = kit.resume(THREE_STAGES);
      assertThat(resumed.status()).as(resumed.toString()).isEqualTo(RunStatus.SUCCESS);
      assertThat(resumed.completedNodes()).containsExactly("start", "a", "b", "c", "done");
      assertThat(kit.twin.requests("/v1/messages")).hasSize(2);
      assertThat(kit.twin.requests("/v1/messages").getFirst().body()).contains("# Stage b").doesNotContain("# Stage a\\n");
      SpendLedger ledger = SpendLedger.at(temp.resolve("run/usage.json"));
      assertThat(ledger.total().llmCalls()).isEqualTo(4);
      assertThat(ledger.node("a").llmCalls()).isEqualTo(2);
      assertThat(ledger.node("b").llmCalls()).isEqualTo(1);
    }
  }

  @Test
  void noLlmCallStartsOnceTheCostBudgetIsSpentEvenInsideAStage() {
    String dot = """
        digraph Cost {
          start [shape=Mdiamond]
          work [prompt="Work"]
          done [shape=Msquare]
          start -> work -> done
        }
        """;
    // claude-sonnet-4-5: $3 in, $15 out per million; each scripted turn is 1,000 in + 100 out = $0.0045.
    try (AgentRunKit kit = new AgentRunKit(temp).budget(new RunBudget(OptionalLong.empty(), Optional.of(new BigDecimal("0.008"))))) {
      kit.calls("shell", json("{'command':'echo one'}")).calls("shell", json("{'command':'echo two'}")).says("never sent");
      RunResult result = kit.run(dot);
      assertThat(result.status()).isEqualTo(RunStatus.STOPPED);
      assertThat(result.stopReason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(RunBudget.STOP_COST));
      assertThat(kit.twin.requests("/v1/messages")).hasSize(2);
      assertThat(kit.ledger.total().costUsd()).isEqualByComparingTo("0.0090");
      assertThat(result.completedNodes()).containsExactly("start");
    }
  }

  @Test
  void billingExhaustionStopsTheRunResumablyWithTheRemedy() {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      kit.twin.enqueue(Reply.fault(Fault.creditBalanceTooLow()));
      RunResult result = kit.run(THREE_STAGES.replace(", max_tokens=2000", ""));
      assertThat(result.status()).isEqualTo(RunStatus.STOPPED);
      assertThat(result.stopReason()).hasValueSatisfying(r -> {
        assertThat(r.code()).isEqualTo(StageVerdict.STOP_BILLING);
        assertThat(r.message()).contains("out of credit", "resume");
      });
      assertThat(result.completedNodes()).containsExactly("start");
    }
  }

  @Test
  void anExhaustedQuotaStopsTheRunResumablyAsBillingDoes() {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      kit.twin.enqueue(Reply.fault(Fault.quotaExhausted()));
      RunResult result = kit.run(THREE_STAGES.replace(", max_tokens=2000", ""));
      assertThat(result.status()).isEqualTo(RunStatus.STOPPED);
      assertThat(result.stopReason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(StageVerdict.STOP_BILLING));
      assertThat(result.completedNodes()).containsExactly("start");
    }
  }

  @Test
  void aContextOverflowFailsTheStageSayingSoNotAsAHandlerError() {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      kit.twin.enqueue(Reply.fault(Fault.contextLength()));
      RunResult result = kit.run(THREE_STAGES.replace(", max_tokens=2000", ""));
      assertThat(result.nodeOutcomes()).containsEntry("a", dev.darkfactory.pipeline.state.StageStatus.FAIL);
      assertThat(kit.events.ofType(PipelineEvent.StageFailed.class)).first().satisfies(failed -> assertThat(failed.error())
          .startsWith("LLM call failed (context_length)")
          .contains("shorten or summarize the history, or pick a model with a larger window")
          .doesNotContain("handler error", "Exception"));
    }
  }

  @Test
  void aRateLimitThatOutlivesTheClientRetriesSaysSo() {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      for (int i = 0; i < 10; i++) {
        kit.twin.enqueue(Reply.fault(Fault.rateLimited(java.time.Duration.ZERO)));
      }
      RunResult result = kit.run(THREE_STAGES.replace(", max_tokens=2000", ""));
      assertThat(result.nodeOutcomes()).containsEntry("a", dev.darkfactory.pipeline.state.StageStatus.FAIL);
      assertThat(kit.events.ofType(PipelineEvent.StageFailed.class)).first().satisfies(failed -> assertThat(failed.error())
          .startsWith("LLM call failed (rate_limit)")
          .contains("lower the request rate")
          .doesNotContain("handler error", "TransientStageFailure"));
    }
  }

  @Test
  void aRejectedKeyStopsTheRunResumablyInsteadOfFailingTheNode() {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      kit.twin.enqueue(Reply.fault(Fault.unauthorized()));
      RunResult result = kit.run(THREE_STAGES.replace(", max_tokens=2000", ""));
      assertThat(result.status()).isEqualTo(RunStatus.STOPPED);
      assertThat(result.stopReason()).hasValueSatisfying(r -> {
        assertThat(r.code()).isEqualTo(StageVerdict.STOP_AUTH);
        assertThat(r.message()).contains("ANTHROPIC_API_KEY");
      });
    }
  }

  @Test
  void aTransientFailureThatOutlivesTheClientRetriesIsRetriedByTheNodePolicy() {
    String dot = """
        digraph Flaky {
          start [shape=Mdiamond]
          work [prompt="Work", max_retries=1]
          done [shape=Msquare]
          start -> work -> done
        }
        """;
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      for (int i = 0; i < 3; i++) {
        kit.twin.enqueue(Reply.fault(Fault.serverError()));
      }
      kit.says("Worked the second time.");
      RunResult result = kit.run(dot);
      assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
      assertThat(kit.events.ofType(PipelineEvent.StageRetrying.class)).hasSize(1);
    }
  }

  static final String ROUTED = """
      digraph Stall {
        start [shape=Mdiamond]
        work [prompt="Work", %s]
        done [shape=Msquare]
        recover [shape=parallelogram, tool_command="echo recovering"]
        start -> work
        work -> done [condition="outcome=success"]
        work -> recover [condition="outcome=fail"]
        recover -> done
      }
      """;

  @Test
  void theStallWatchdogStopsASilentAgentAndRoutesTheFailure() {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      // Neither the command nor its own timeout could end the stage within the bound: only the watchdog can.
      kit.calls("shell", json("{'command':'sleep 300','timeout_ms':120000}")).says("never reached");
      long started = System.nanoTime();
      RunResult result = kit.run(ROUTED.formatted("stall_timeout=\"400ms\""));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
      assertThat(result.completedNodes()).containsExactly("start", "work", "recover", "done");
      assertThat(result.nodeOutcomes()).containsEntry("work", StageStatus.FAIL);
      assertThat(kit.stageFile("work", "status.json")).contains("stalled: the agent produced no output and changed nothing in the workspace for 400ms");
    }
  }

  @Test
  void workspaceChangesCountAsProgress() {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      // Silent for twice the stall limit, but changing the workspace every quarter of it; a limit of seconds
      // leaves a loaded machine room for the model's first answer, which is no workspace change.
      kit.calls("shell", json("{'command':'for i in $(seq 8); do sleep 0.5; touch f$i; done','timeout_ms':60000}")).says("Done touching.");
      RunResult result = kit.run(ROUTED.formatted("stall_timeout=\"2s\""));
      assertThat(result.nodeOutcomes()).containsEntry("work", StageStatus.SUCCESS);
    }
  }

  @Test
  void theNodeTimeoutStopsTheAgent() {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      kit.calls("shell", json("{'command':'while true; do echo busy; sleep 0.05; done','timeout_ms':30000}")).says("never reached");
      RunResult result = kit.run(ROUTED.formatted("timeout=\"500ms\""));
      assertThat(result.nodeOutcomes()).containsEntry("work", StageStatus.FAIL);
      assertThat(kit.stageFile("work", "status.json")).contains("the stage exceeded its timeout (timeout=500ms)");
    }
  }
}
