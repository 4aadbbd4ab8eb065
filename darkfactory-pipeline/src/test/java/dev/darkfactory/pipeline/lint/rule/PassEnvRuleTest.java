package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassEnvRuleTest {
  private final PassEnvRule rule = new PassEnvRule();

  @Test
  void acceptsVariableNamesSeparatedByCommasOrSpaces() {
    assertThat(run(rule, """
        digraph G {
          graph [pass_env="NPM_TOKEN, DATABASE_URL"]
          a [pass_env="GH_PAT _private x1"]
          b [pass_env=""]
        }
        """)).isEmpty();
  }

  @Test
  void aWordThatCannotNameAVariableIsAnErrorAtTheValue() {
    List<Diagnostic> diagnostics = run(rule, "digraph G {\n  a [pass_env=\"GH-PAT, 1X\"]\n}");

    assertThat(diagnostics).hasSize(2);
    Diagnostic d = diagnostics.getFirst();
    assertThat(d.rule()).isEqualTo("pass_env");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("node a sets pass_env='GH-PAT, 1X': 'GH-PAT' is not an environment variable name:"
        + " use letters, digits and _, not starting with a digit");
    assertThat(d.fix()).get().asString().contains("list variable names separated by commas");
    assertThat(d.position()).isEqualTo(at(2, 15));
    assertThat(d.nodeId()).contains("a");
    assertThat(diagnostics.get(1).message()).contains("'1X' is not an environment variable name");
  }
}
