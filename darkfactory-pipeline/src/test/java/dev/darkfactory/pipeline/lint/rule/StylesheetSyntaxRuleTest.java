package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;

class StylesheetSyntaxRuleTest {
  private final StylesheetSyntaxRule rule = new StylesheetSyntaxRule();

  @Test
  void acceptsAValidOrAbsentOrEmptyStylesheet() {
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
    assertThat(run(rule, "digraph G { model_stylesheet=\"\" }")).isEmpty();
    assertThat(run(rule, "digraph G { model_stylesheet=\"* { llm_model: a } .code { reasoning_effort: low }\" }")).isEmpty();
  }

  @Test
  void invalidStylesheetIsAnErrorPointingIntoIt() {
    Diagnostic d = run(rule, """
        digraph G {
          graph [model_stylesheet="
            * { llm_model: claude-sonnet-4-5; }
            .code { model: claude-opus-4-6; }
          "]
        }
        """).getFirst();

    assertThat(d.rule()).isEqualTo("stylesheet_syntax");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("invalid model_stylesheet: unknown property 'model' (did you mean llm_model?): a stylesheet"
        + " sets only llm_model, llm_provider and reasoning_effort (attractor-spec.md 8.4)");
    assertThat(d.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("selector { property: value; }"));
    assertThat(d.position()).isEqualTo(at(4, 13));
  }

  @Test
  void invalidReasoningEffortIsReported() {
    assertThat(run(rule, "digraph G { model_stylesheet=\"* { reasoning_effort: max }\" }")).singleElement()
        .extracting(Diagnostic::message).asString().contains("reasoning_effort must be one of low, medium, high, found 'max'");
  }
}
