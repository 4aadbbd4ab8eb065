package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeValueRuleTest {
  private final OutcomeValueRule rule = new OutcomeValueRule();

  @Test
  void acceptsEveryStatus() {
    assertThat(run(rule, """
        digraph G {
          a -> b [condition="outcome=success"]
          a -> c [condition="outcome=partial_success"]
          a -> d [condition="outcome=retry"]
          a -> e [condition="outcome!=fail"]
          a -> f [condition="outcome=\\"skipped\\""]
          a -> g [condition="context.outcome=succeeded && preferred_label=failed"]
        }
        """)).isEmpty();
  }

  @Test
  void succeededIsAWarningSuggestingSuccess() {
    Diagnostic d = run(rule, "digraph G {\n  gate -> ship [condition=\"outcome=succeeded\"]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("outcome_value");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("the condition of edge gate -> ship compares outcome with 'succeeded', which is not an"
        + " outcome status (success, partial_success, retry, fail, skipped) (did you mean 'success'?), so outcome=succeeded"
        + " is never true");
    assertThat(d.edge()).contains(new Diagnostic.EdgeRef("gate", "ship"));
    assertThat(d.fix()).contains("write outcome=success");
    assertThat(d.position()).isEqualTo(at(2, 36));
  }

  @ParameterizedTest
  @CsvSource({"failed, fail", "failure, fail", "SUCCESS, success", "Success, success", "error, fail"})
  void suggestsTheIntendedStatus(String written, String intended) {
    assertThat(run(rule, "digraph G { a -> b [condition=\"outcome=" + written + "\"] }")).singleElement()
        .extracting(Diagnostic::fix).isEqualTo(java.util.Optional.of("write outcome=" + intended));
  }

  @Test
  void notEqualsWithAnImpossibleValueIsAlwaysTrue() {
    assertThat(run(rule, "digraph G { a -> b [condition=\"outcome!=failed\"] }")).singleElement()
        .extracting(Diagnostic::message).asString().endsWith("so outcome!=failed is always true");
  }

  @Test
  void unrelatedValueListsTheStatuses() {
    assertThat(run(rule, "digraph G { a -> b [condition=\"outcome=banana\"] }")).singleElement()
        .extracting(Diagnostic::fix)
        .isEqualTo(java.util.Optional.of("compare outcome with one of success, partial_success, retry, fail, skipped"));
  }

  @Test
  void checksEveryClauseAndManagerStopConditions() {
    assertThat(run(rule, """
        digraph G {
          a -> b [condition="outcome=ok && context.x=1 && outcome!=failed"]
          boss [manager.stop_condition="outcome=done"]
        }
        """)).extracting(Diagnostic::message).satisfiesExactly(
            m -> assertThat(m).contains("'ok'"),
            m -> assertThat(m).contains("'failed'"),
            m -> assertThat(m).startsWith("the manager.stop_condition of node boss compares outcome with 'done'"));
  }

  @Test
  void conditionsThatDoNotParseAreLeftToConditionSyntax() {
    assertThat(run(rule, "digraph G { a -> b [condition=\"outcome==succeeded\"] }")).isEmpty();
  }
}
