package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Appendix C. */
class StatusFileTest {
  @Test
  void everyFieldRoundTrips() {
    Outcome outcome = Outcome.fail("red").withPreferredLabel("Fix").withSuggestedNextIds(List.of("fix")).withContextUpdate("k", "v").withNotes("n");
    assertThat(StatusFile.fromJson(StatusFile.toJson(outcome), "x")).isEqualTo(outcome);
  }

  @Test
  void aMisspeltStatusIsRejectedWithASuggestion() {
    assertThatThrownBy(() -> StatusFile.fromJson(JsonValues.parse("{\"outcome\": \"succeeded\"}"), "script.json: nodes.a[0]"))
        .hasMessageContaining("script.json: nodes.a[0]").hasMessageContaining("did you mean \"success\"");
  }

  @Test
  void anUnknownFieldIsRejected() {
    assertThatThrownBy(() -> StatusFile.fromJson(JsonValues.parse("{\"outcome\": \"success\", \"prefered_label\": \"x\"}"), "f"))
        .hasMessageContaining("unknown field \"prefered_label\"").hasMessageContaining("did you mean \"preferred_label\"");
  }

  @Test
  void theOutcomeIsRequired() {
    assertThatThrownBy(() -> StatusFile.fromJson(JsonValues.parse("{\"notes\": \"x\"}"), "f")).hasMessageContaining("\"outcome\" is required");
  }
}
