package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;

class RetryTargetExistsRuleTest {
  private final RetryTargetExistsRule rule = new RetryTargetExistsRule();

  @Test
  void acceptsExistingTargets() {
    assertThat(run(rule, """
        digraph G {
          retry_target=plan
          fallback_retry_target=plan
          plan -> work
          work [retry_target=plan, fallback_retry_target=work]
        }
        """)).isEmpty();
  }

  @Test
  void missingNodeTargetIsAWarningWithASuggestion() {
    Diagnostic d = run(rule, "digraph G {\n  plan -> work\n  work [goal_gate=true, retry_target=paln]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("retry_target_exists");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("node work sets retry_target='paln', which is not a node (did you mean 'plan'?);"
        + " the jump would fail at run time");
    assertThat(d.nodeId()).contains("work");
    assertThat(d.fix()).contains("write retry_target=\"plan\"");
    assertThat(d.position()).isEqualTo(at(3, 38));
  }

  @Test
  void checksFallbackAndGraphLevelTargets() {
    assertThat(run(rule, """
        digraph G {
          graph [retry_target=nowhere, fallback_retry_target=elsewhere]
          a [fallback_retry_target=zzz]
        }
        """)).extracting(Diagnostic::message).containsExactly(
            "the graph sets retry_target='nowhere', which is not a node; the jump would fail at run time",
            "the graph sets fallback_retry_target='elsewhere', which is not a node; the jump would fail at run time",
            "node a sets fallback_retry_target='zzz', which is not a node; the jump would fail at run time");
  }
}
