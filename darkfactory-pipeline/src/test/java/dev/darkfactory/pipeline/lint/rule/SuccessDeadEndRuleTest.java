package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.testing.SpecExamples;
import org.junit.jupiter.api.Test;

/** A node whose outgoing conditions all miss a success ends the run there, short of an exit. */
class SuccessDeadEndRuleTest {
  private final SuccessDeadEndRule rule = new SuccessDeadEndRule();

  @Test
  void onlyAFailEdgeIsAWarningAtTheNode() {
    Diagnostic d = run(rule, """
        digraph G {
          start [shape=Mdiamond]
          check [prompt="c"]
          done [shape=Msquare]
          start -> check
          check -> done [condition="outcome=fail"]
        }
        """).getFirst();

    assertThat(d.rule()).isEqualTo("success_dead_end");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("when node check succeeds, none of its edges applies (check -> done [outcome=fail]),"
        + " so the run ends at check without reaching an exit");
    assertThat(d.nodeId()).contains("check");
    assertThat(d.fix()).hasValue("add an edge without a condition from check as its default route, or one with condition=\"outcome=success\"");
    assertThat(d.position()).isEqualTo(at(3, 3));
  }

  @Test
  void complementaryConditionsAndDefaultRoutesAreFine() {
    assertThat(run(rule, SpecExamples.BRANCHING)).isEmpty(); // outcome=success / outcome!=success
    assertThat(run(rule, SpecExamples.SMOKE_TEST)).isEmpty(); // every node has a success edge
    assertThat(run(rule, """
        digraph G {
          start [shape=Mdiamond]
          check [prompt="c"]
          done [shape=Msquare]
          start -> check
          check -> done [condition="outcome=fail"]
          check -> done
        }
        """)).isEmpty();
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
  }

  @Test
  void conditionsOnTheContextOrTheLabelAreNotJudged() {
    assertThat(run(rule, """
        digraph G {
          start [shape=Mdiamond]
          check [prompt="c"]
          done [shape=Msquare]
          start -> check
          check -> done [condition="context.tests=pass"]
          check -> done [condition="preferred_label=Ship && outcome=success"]
        }
        """)).isEmpty();
  }
}
