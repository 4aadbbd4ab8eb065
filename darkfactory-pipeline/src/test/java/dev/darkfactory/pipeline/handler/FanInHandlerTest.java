package dev.darkfactory.pipeline.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attractor-spec.md 4.9. */
class FanInHandlerTest {
  @TempDir Path temp;

  private static Map<String, Object> candidate(String branch, String outcome, double score) {
    return Map.of("branch", branch, "index", 0, "outcome", outcome, "notes", "", "failure_reason", "", "score", score,
        "context_updates", Map.of("from", branch));
  }

  private Outcome fanIn(String attrs, List<Map<String, Object>> results, dev.darkfactory.pipeline.backend.CodergenBackend backend) throws Exception {
    StageFixture fixture = new StageFixture("digraph F { j [shape=tripleoctagon" + attrs + "] }", temp);
    if (results != null) {
      fixture.context.set(ContextKeys.PARALLEL_RESULTS, results);
    }
    return new FanInHandler(backend).execute(fixture.stage("j"));
  }

  @Test
  void theHeuristicRanksByStatusThenScoreThenId() throws Exception {
    Outcome outcome = fanIn("", List.of(candidate("c", "partial_success", 99), candidate("b", "success", 1), candidate("a", "success", 1),
        candidate("d", "success", 5)), request -> CodergenResult.text("unused"));
    assertThat(outcome.contextUpdates()).containsEntry(ContextKeys.FAN_IN_BEST_ID, "d").containsEntry(ContextKeys.FAN_IN_BEST_OUTCOME, "success")
        .containsEntry("from", "d");
    Outcome tie = fanIn("", List.of(candidate("b", "success", 1), candidate("a", "success", 1)), request -> CodergenResult.text("x"));
    assertThat(tie.contextUpdates()).containsEntry(ContextKeys.FAN_IN_BEST_ID, "a");
  }

  @Test
  void withoutResultsItFails() throws Exception {
    assertThat(fanIn("", null, request -> CodergenResult.text("x")).failureReason()).isEqualTo("No parallel results to evaluate");
  }

  @Test
  void aPromptAsksTheBackendAndTheFirstMentionedCandidateWins() throws Exception {
    Outcome outcome = fanIn(", prompt=\"Pick the most careful\"", List.of(candidate("alpha", "success", 9), candidate("beta", "success", 0)),
        request -> CodergenResult.text("After reading both, beta is better than alpha."));
    assertThat(outcome.contextUpdates()).containsEntry(ContextKeys.FAN_IN_BEST_ID, "beta");
    assertThat(outcome.notes()).contains("LLM ranking");
  }

  @Test
  void aRankingThatNamesNoCandidateFallsBackToTheHeuristic() throws Exception {
    Outcome outcome = fanIn(", prompt=\"Pick\"", List.of(candidate("alpha", "success", 9), candidate("beta", "success", 0)),
        request -> CodergenResult.text("[Simulated] Response for stage: j"));
    assertThat(outcome.contextUpdates()).containsEntry(ContextKeys.FAN_IN_BEST_ID, "alpha");
    assertThat(outcome.notes()).contains("heuristic (the ranking named no candidate)");
  }
}
