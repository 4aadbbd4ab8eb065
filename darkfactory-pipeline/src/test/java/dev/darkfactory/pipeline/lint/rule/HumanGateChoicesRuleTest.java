package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;

class HumanGateChoicesRuleTest {
  private final HumanGateChoicesRule rule = new HumanGateChoicesRule();

  @Test
  void acceptsAGateWithTwoChoices() {
    assertThat(run(rule, """
        digraph G {
          review [shape=hexagon]
          review -> ship [label="[A] Approve"]
          review -> fix [label="[F] Fix"]
        }
        """)).isEmpty();
  }

  @Test
  void gateWithOneChoiceIsAWarning() {
    Diagnostic d = run(rule, "digraph G {\n  review [shape=hexagon]\n  review -> ship\n}").getFirst();

    assertThat(d.rule()).isEqualTo("human_gate_choices");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("human gate review has only one outgoing edge, so the human has nothing to choose");
    assertThat(d.nodeId()).contains("review");
    assertThat(d.fix()).contains("add an outgoing edge per choice, labelled like [A] Approve and [F] Fix");
    assertThat(d.position()).isEqualTo(at(2, 3));
  }

  @Test
  void gateWithoutChoicesIsAWarning() {
    assertThat(run(rule, "digraph G { review [type=\"wait.human\"] }")).singleElement().extracting(Diagnostic::message)
        .isEqualTo("human gate review has no outgoing edges, so it offers no choices and the stage fails (attractor-spec.md 4.6)");
  }

  @Test
  void otherNodesAreNotChecked() {
    assertThat(run(rule, "digraph G { a -> b }")).isEmpty();
  }
}
