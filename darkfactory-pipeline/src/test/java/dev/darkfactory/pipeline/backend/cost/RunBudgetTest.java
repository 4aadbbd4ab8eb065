package dev.darkfactory.pipeline.backend.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RunBudgetTest {
  static Graph graph(String attributes) {
    return DotParser.parse("g.dot", "digraph G { graph [" + attributes + "] start [shape=Mdiamond] done [shape=Msquare] start -> done }");
  }

  @Test
  void readsTheGraphsBudgets() {
    RunBudget budget = RunBudget.of(graph("max_tokens=5000, max_cost_usd=1.5"));
    assertThat(budget.maxTokens()).hasValue(5000);
    assertThat(budget.maxCostUsd()).hasValue(new BigDecimal("1.5"));
    assertThat(RunBudget.of(graph("goal=\"x\"")).isUnlimited()).isTrue();
    assertThat(RunBudget.of(graph("max_cost_usd=2")).maxCostUsd()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("2"));
  }

  @Test
  void theCommandLineWinsLimitByLimit() {
    RunBudget graph = RunBudget.of(graph("max_tokens=5000, max_cost_usd=1.5"));
    RunBudget merged = graph.overriddenBy(new RunBudget(OptionalLong.empty(), Optional.of(new BigDecimal("10"))));
    assertThat(merged.maxTokens()).hasValue(5000);
    assertThat(merged.maxCostUsd()).hasValue(new BigDecimal("10"));
  }

  @Test
  void aReachedBudgetIsAResumableStopThatNamesIt() {
    RunBudget budget = new RunBudget(OptionalLong.of(1000), Optional.of(new BigDecimal("0.01")));
    assertThat(budget.check(new Spend(500, 400, 0, new BigDecimal("0.005"), 0, 2))).isEmpty();
    assertThat(budget.check(new Spend(900, 100, 0, new BigDecimal("0.005"), 0, 2))).hasValueSatisfying(r -> {
      assertThat(r.code()).isEqualTo(RunBudget.STOP_TOKENS);
      assertThat(r.resumable()).isTrue();
      assertThat(r.message()).contains("1,000 of 1,000 tokens (max_tokens)", "--max-tokens");
    });
    assertThat(budget.check(new Spend(10, 10, 0, new BigDecimal("0.02"), 0, 1))).hasValueSatisfying(r -> {
      assertThat(r.code()).isEqualTo(RunBudget.STOP_COST);
      assertThat(r.message()).contains("$0.0200 of $0.01 (max_cost_usd)", "--max-cost-usd");
    });
    assertThat(RunBudget.unlimited().check(new Spend(1_000_000, 0, 0, BigDecimal.TEN, 0, 1))).isEmpty();
  }
}
