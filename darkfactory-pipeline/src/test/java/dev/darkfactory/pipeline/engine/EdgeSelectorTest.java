package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.event.DecisionStep;
import dev.darkfactory.pipeline.event.EdgeCandidate;
import dev.darkfactory.pipeline.event.RoutingDecision;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge selection, attractor-spec.md 3.3, and the decision audit it records. */
class EdgeSelectorTest {

  private static RoutingDecision select(String edges, Outcome outcome, Map<String, Object> context) {
    Graph graph = DotParser.parse("t.dot", "digraph T {\n" + edges + "\n}");
    return new EdgeSelector(graph).select(graph.node("n").orElseThrow(), outcome, Context.of(context));
  }

  private static RoutingDecision select(String edges, Outcome outcome) {
    return select(edges, outcome, Map.of());
  }

  @Test
  void aHoldingConditionWinsOverWeight() {
    RoutingDecision d = select("""
        n -> heavy [weight=100]
        n -> guarded [condition="outcome=success"]
        """, Outcome.success());
    assertThat(d.step()).isEqualTo(DecisionStep.CONDITION);
    assertThat(d.target()).contains("guarded");
  }

  @Test
  void severalHoldingConditionsAreRankedByWeightThenTargetId() {
    RoutingDecision d = select("""
        n -> b [condition="outcome=success"]
        n -> a [condition="outcome=success"]
        n -> c [condition="outcome=success", weight=1]
        """, Outcome.success());
    assertThat(d.target()).contains("c");
    RoutingDecision tie = select("""
        n -> b [condition="outcome=success"]
        n -> a [condition="outcome=success"]
        """, Outcome.success());
    assertThat(tie.target()).contains("a");
  }

  @Test
  void conditionsReadTheContext() {
    RoutingDecision d = select("""
        n -> deploy [condition="outcome=success && context.tests_passed=true"]
        n -> wait
        """, Outcome.success(), Map.of("tests_passed", true));
    assertThat(d.target()).contains("deploy");
  }

  @Test
  void thePreferredLabelMatchesAfterNormalisation() {
    RoutingDecision d = select("""
        n -> ship [label="[A] Approve"]
        n -> fix [label="F) Fix it"]
        n -> other [label="Y - Other", weight=5]
        """, Outcome.success().withPreferredLabel("  fix IT "));
    assertThat(d.step()).isEqualTo(DecisionStep.PREFERRED_LABEL);
    assertThat(d.target()).contains("fix");
  }

  @Test
  void thePreferredLabelOnlyMatchesUnconditionalEdges() {
    RoutingDecision d = select("""
        n -> guarded [label="Go", condition="outcome=fail"]
        n -> plain [label="Other"]
        """, Outcome.success().withPreferredLabel("Go"));
    assertThat(d.step()).isEqualTo(DecisionStep.WEIGHT);
    assertThat(d.target()).contains("plain");
  }

  @Test
  void suggestedIdsAreTriedInTheirOrder() {
    RoutingDecision d = select("""
        n -> a
        n -> b
        n -> c
        """, Outcome.success().withSuggestedNextIds(List.of("missing", "c", "b")));
    assertThat(d.step()).isEqualTo(DecisionStep.SUGGESTED_IDS);
    assertThat(d.target()).contains("c");
  }

  @Test
  void weightBreaksTiesAmongUnconditionalEdges() {
    RoutingDecision d = select("""
        n -> a [weight=1]
        n -> b [weight=3]
        n -> c [weight=2]
        """, Outcome.success());
    assertThat(d.step()).isEqualTo(DecisionStep.WEIGHT);
    assertThat(d.target()).contains("b");
  }

  @Test
  void theLexicalTiebreakIsTheFinalFallback() {
    RoutingDecision d = select("""
        n -> zeta
        n -> alpha
        n -> mid
        """, Outcome.success());
    assertThat(d.step()).isEqualTo(DecisionStep.LEXICAL);
    assertThat(d.target()).contains("alpha");
  }

  @Test
  void noEdgesMeansNone() {
    Graph graph = DotParser.parse("t.dot", "digraph T { n }");
    RoutingDecision d = new EdgeSelector(graph).select(graph.node("n").orElseThrow(), Outcome.success(), new Context());
    assertThat(d.step()).isEqualTo(DecisionStep.NONE);
    assertThat(d.target()).isEmpty();
  }

  @Test
  void onlyConditionalEdgesThatDoNotHoldMeansNone() {
    RoutingDecision d = select("n -> a [condition=\"outcome=fail\"]", Outcome.success());
    assertThat(d.step()).isEqualTo(DecisionStep.NONE);
  }

  @Test
  void theAuditShowsEveryCandidateAndEveryClause() {
    RoutingDecision d = select("""
        n -> fix [condition="outcome=fail"]
        n -> ship [condition="outcome=success && context.approved=yes"]
        n -> wait
        """, Outcome.success(), Map.of("approved", "no"));
    assertThat(d.candidates()).hasSize(3);
    EdgeCandidate ship = d.candidates().get(1);
    assertThat(ship.evaluation()).hasValueSatisfying(trace -> {
      assertThat(trace.result()).isFalse();
      assertThat(trace.clauses()).extracting(c -> c.resolved()).containsExactly("success", "no");
    });
    assertThat(d.candidates().get(2).evaluation()).isEmpty();
    assertThat(d.step()).isEqualTo(DecisionStep.WEIGHT);
    assertThat(d.detail()).isEqualTo("the only unconditional edge");
    assertThat(d.chosenEdge()).contains(2);
  }

  @Test
  void skippedIsNotSuccess() {
    RoutingDecision d = select("""
        n -> next [condition="outcome=success"]
        n -> skipped [condition="outcome=skipped"]
        """, Outcome.skipped("nothing to do"));
    assertThat(d.target()).contains("skipped");
  }

  @Test
  void conditionsCompareOutcomesExactly() {
    RoutingDecision d = select("""
        n -> wrong [condition="outcome=succeeded"]
        n -> right [condition="outcome=success"]
        """, Outcome.success());
    assertThat(d.target()).contains("right");
  }
}
