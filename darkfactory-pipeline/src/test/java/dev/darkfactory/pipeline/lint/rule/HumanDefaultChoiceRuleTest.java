package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;

class HumanDefaultChoiceRuleTest {
  private final HumanDefaultChoiceRule rule = new HumanDefaultChoiceRule();

  private static final String GATE = """
      digraph G {
        review [shape=hexagon, human.default_choice=%s]
        review -> ship [label="[A] Approve"]
        review -> fixes [label="[F] Fix"]
        other
      }
      """;

  @Test
  void acceptsASuccessorOfTheGate() {
    assertThat(run(rule, GATE.formatted("ship"))).isEmpty();
  }

  @Test
  void nodeThatIsNotASuccessorIsAWarning() {
    Diagnostic d = run(rule, GATE.formatted("other")).getFirst();

    assertThat(d.rule()).isEqualTo("human_default_choice");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("human gate review sets human.default_choice='other', but 'other' is not the target of any"
        + " outgoing edge of review (ship and fixes); on timeout no default would be chosen");
    assertThat(d.nodeId()).contains("review");
    assertThat(d.fix()).contains("set human.default_choice to the target of one of review's outgoing edges");
    assertThat(d.position()).isEqualTo(at(2, 47));
  }

  @Test
  void misspeltTargetGetsASuggestion() {
    assertThat(run(rule, GATE.formatted("fixs"))).singleElement().extracting(Diagnostic::fix)
        .isEqualTo(java.util.Optional.of("write human.default_choice=\"fixes\""));
  }

  @Test
  void anEdgeLabelIsExplainedAndMappedToItsTarget() {
    Diagnostic d = run(rule, GATE.formatted("\"[F] Fix\"")).getFirst();

    assertThat(d.message()).contains("'[F] Fix' is an edge label; human.default_choice names the edge's target node"
        + " (did you mean 'fixes'?)");
    assertThat(d.fix()).contains("write human.default_choice=\"fixes\"");
  }

  @Test
  void onANodeThatIsNotAGateItHasNoEffect() {
    assertThat(run(rule, "digraph G { a [human.default_choice=b] a -> b }")).singleElement().extracting(Diagnostic::message)
        .isEqualTo("node a sets human.default_choice but is not a human gate (it runs as codergen), so the setting has no effect");
  }
}
