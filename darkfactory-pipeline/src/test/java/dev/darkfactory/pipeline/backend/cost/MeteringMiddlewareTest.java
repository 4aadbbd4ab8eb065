package dev.darkfactory.pipeline.backend.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.AbortException;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.pipeline.state.StopReason;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every call metered to its stage's node, priced from the catalog; no call once the budget is spent. */
class MeteringMiddlewareTest {
  static final class Recorder implements MeteringMiddleware.Stage {
    final List<Spend> spent = new ArrayList<>();
    final List<StopReason> refusals = new ArrayList<>();
    final RunBudget budget;

    Recorder(RunBudget budget) {
      this.budget = budget;
    }

    @Override
    public Optional<String> nodeId() {
      return Optional.of("work");
    }

    @Override
    public RunBudget budget() {
      return budget;
    }

    @Override
    public void spent(Spend spend) {
      spent.add(spend);
    }

    @Override
    public void refused(StopReason reason) {
      refusals.add(reason);
    }
  }

  static Request request() {
    return Request.builder("claude-sonnet-4-5").provider("anthropic").addMessage(Message.user("hi")).build();
  }

  @Test
  void completeAndStreamCallsAreRecordedWithTheirCost() {
    try (FakeProviderServer twin = FakeProviderServer.start(); Client base = Client.fromEnv(Environment.of(twin.environment()))) {
      SpendLedger ledger = SpendLedger.inMemory();
      Recorder stage = new Recorder(RunBudget.unlimited());
      try (Client client = Client.builder().provider(base.adapter("anthropic").orElseThrow())
          .middleware(new MeteringMiddleware(ledger, base::cost, () -> Optional.of(stage))).build()) {
        twin.enqueue(Reply.text("one").withUsage(1000, 100));
        twin.enqueue(Reply.text("two").withUsage(1000, 100));
        client.complete(request());
        try (EventStream events = client.stream(request())) {
          events.collect();
        }
      }
      assertThat(stage.spent).hasSize(2);
      assertThat(ledger.node("work").totalTokens()).isEqualTo(2200);
      assertThat(ledger.total().costUsd()).isEqualByComparingTo("0.009");
    }
  }

  @Test
  void aSpentBudgetRefusesTheNextCallBeforeItIsSent() {
    try (FakeProviderServer twin = FakeProviderServer.start(); Client base = Client.fromEnv(Environment.of(twin.environment()))) {
      SpendLedger ledger = SpendLedger.inMemory();
      ledger.record("earlier", new Spend(900, 100, 0, java.math.BigDecimal.ZERO, 0, 1));
      Recorder stage = new Recorder(new RunBudget(OptionalLong.of(1000), Optional.empty()));
      try (Client client = Client.builder().provider(base.adapter("anthropic").orElseThrow())
          .middleware(new MeteringMiddleware(ledger, base::cost, () -> Optional.of(stage))).build()) {
        assertThatThrownBy(() -> client.complete(request())).isInstanceOf(AbortException.class).hasMessageContaining("token budget");
        assertThatThrownBy(() -> client.stream(request())).isInstanceOf(AbortException.class);
      }
      assertThat(twin.requestCount()).isZero();
      assertThat(stage.refusals).hasSize(2).allSatisfy(r -> assertThat(r.code()).isEqualTo(RunBudget.STOP_TOKENS));
    }
  }

  @Test
  void callsOutsideAStageAreMeteredButNeverRefused() {
    try (FakeProviderServer twin = FakeProviderServer.start(); Client base = Client.fromEnv(Environment.of(twin.environment()))) {
      SpendLedger ledger = SpendLedger.inMemory();
      try (Client client = Client.builder().provider(base.adapter("anthropic").orElseThrow())
          .middleware(new MeteringMiddleware(ledger, base::cost, Optional::empty)).build()) {
        twin.enqueue(Reply.text("x").withUsage(10, 1));
        client.complete(request());
      }
      assertThat(ledger.byNode()).containsOnlyKeys("(between stages)");
    }
  }
}
