package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoalGateHasRetryRuleTest {
  private final GoalGateHasRetryRule rule = new GoalGateHasRetryRule();

  @Test
  void goalGateWithoutAnyRetryTargetIsAWarning() {
    Diagnostic d = run(rule, "digraph G {\n  tests [goal_gate=true, prompt=\"Run the tests\"]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("goal_gate_has_retry");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("goal gate tests has no retry_target or fallback_retry_target, and the graph sets none:"
        + " if tests has not succeeded when the run reaches the exit, the run fails instead of retrying (attractor-spec.md 3.4)");
    assertThat(d.nodeId()).contains("tests");
    assertThat(d.fix()).contains("add retry_target=<node to run again> to tests or to the graph");
    assertThat(d.position()).isEqualTo(at(2, 20));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "digraph G { tests [goal_gate=true, retry_target=fix] }",
      "digraph G { tests [goal_gate=true, fallback_retry_target=fix] }",
      "digraph G { retry_target=fix tests [goal_gate=true] }",
      "digraph G { fallback_retry_target=fix tests [goal_gate=true] }",
      "digraph G { tests [goal_gate=false] }",
      "digraph G { tests }"})
  void isSatisfiedByANodeOrGraphRetryTarget(String dot) {
    assertThat(run(rule, dot)).isEmpty();
  }
}
