package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  @Test
  void factoriesSetStatusAndReason() {
    assertThat(Outcome.success().status()).isEqualTo(StageStatus.SUCCESS);
    assertThat(Outcome.fail("boom").failureReason()).isEqualTo("boom");
    assertThat(Outcome.retry("busy").status()).isEqualTo(StageStatus.RETRY);
    assertThat(Outcome.partialSuccess("most").notes()).isEqualTo("most");
    assertThat(Outcome.skipped("n/a").status()).isEqualTo(StageStatus.SKIPPED);
  }

  @Test
  void outcomesAreImmutableCopies() {
    List<String> ids = new ArrayList<>(List.of("a"));
    Outcome outcome = Outcome.success().withSuggestedNextIds(ids).withContextUpdate("n", 1);
    ids.add("b");
    assertThat(outcome.suggestedNextIds()).containsExactly("a");
    assertThat(outcome.contextUpdates()).containsEntry("n", 1L);
    assertThatThrownBy(() -> outcome.contextUpdates().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void contextUpdatesKeepTheirOrder() {
    Outcome outcome = Outcome.success().withContextUpdates(new java.util.LinkedHashMap<>(Map.of("a", 1))).withContextUpdate("z", 2).withContextUpdate("b", 3);
    assertThat(outcome.contextUpdates().keySet()).containsExactly("a", "z", "b");
  }

  @Test
  void summaryPrefersTheFailureReason() {
    assertThat(Outcome.fail("why").withNotes("notes").summary()).isEqualTo("why");
    assertThat(Outcome.success("notes").summary()).isEqualTo("notes");
  }
}
