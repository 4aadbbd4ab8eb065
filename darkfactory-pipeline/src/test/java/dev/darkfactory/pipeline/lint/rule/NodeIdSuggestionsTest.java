package dev.darkfactory.pipeline.lint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeIdSuggestionsTest {

  @Test
  void suggestsTheClosestNodeId() {
    NodeIdSuggestions suggestions = new NodeIdSuggestions(RuleFixture.parse("digraph G { plan -> implement -> exit }"));

    assertThat(suggestions.closest("implemnt")).contains("implement");
    assertThat(suggestions.closest("completely_different")).isEmpty();
  }

  @Test
  void stopsSuggestingAfterTheBudgetButKeepsEarlierAnswers() {
    NodeIdSuggestions suggestions = new NodeIdSuggestions(RuleFixture.parse("digraph G { plan -> exit }"));
    assertThat(suggestions.closest("pln")).contains("plan");

    for (int i = 0; i < NodeIdSuggestions.BUDGET; i++) {
      suggestions.closest("missing" + i);
    }

    assertThat(suggestions.closest("exti")).isEmpty();
    assertThat(suggestions.closest("pln")).contains("plan");
  }
}
