package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownAttributeRuleTest {
  private final UnknownAttributeRule rule = new UnknownAttributeRule();

  @Test
  void acceptsDocumentedAndPresentationAttributes() {
    assertThat(run(rule, """
        digraph G {
          graph [goal="g", rankdir=LR, bgcolor=white, stack.child_dotfile="c.dot"]
          node [color=blue, style=filled]
          a [prompt="p", llm_model="m", human.default_choice=b, tooltip="t"]
          a -> b [condition="outcome=success", weight=2, color=red, arrowhead=vee]
        }
        """)).isEmpty();
  }

  @Test
  void modelIsAWarningSuggestingLlmModel() {
    Diagnostic d = run(rule, "digraph G {\n  plan [model=\"gpt-5.2\"]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("unknown_attribute");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("unknown node attribute 'model' on node plan (did you mean 'llm_model'?): the engine ignores it");
    assertThat(d.nodeId()).contains("plan");
    assertThat(d.fix()).contains("rename model to llm_model");
    assertThat(d.position()).isEqualTo(at(2, 15));
  }

  @Test
  void fallbackTargetSuggestsFallbackRetryTarget() {
    assertThat(run(rule, "digraph G { a [fallback_target=b] }")).singleElement().extracting(Diagnostic::message).asString()
        .contains("(did you mean 'fallback_retry_target'?)");
  }

  @Test
  void misspellingsGetTheClosestName() {
    assertThat(run(rule, "digraph G { a [max_retires=3] }")).singleElement().extracting(Diagnostic::fix)
        .isEqualTo(java.util.Optional.of("rename max_retires to max_retries"));
  }

  @Test
  void checksGraphAndEdgeAttributes() {
    List<Diagnostic> diagnostics = run(rule, """
        digraph G {
          graph [gaol="x"]
          a -> b [conditon="outcome=success"]
        }
        """);

    assertThat(diagnostics).extracting(Diagnostic::message).containsExactly(
        "unknown graph attribute 'gaol' on the graph (did you mean 'goal'?): the engine ignores it",
        "unknown edge attribute 'conditon' on edge a -> b (did you mean 'condition'?): the engine ignores it");
    assertThat(diagnostics.get(1).edge()).contains(new Diagnostic.EdgeRef("a", "b"));
  }

  @Test
  void saysWhenAKeyBelongsToAnotherScope() {
    assertThat(run(rule, "digraph G { a [condition=\"outcome=success\"] }")).singleElement()
        .extracting(Diagnostic::message).asString()
        .isEqualTo("unknown node attribute 'condition' on node a; condition is an edge attribute: the engine ignores it");
  }

  @Test
  void unrelatedKeyHasAGenericFix() {
    assertThat(run(rule, "digraph G { a [banana=1] }")).singleElement().extracting(Diagnostic::fix)
        .isEqualTo(java.util.Optional.of("remove banana, or check the attribute reference (attractor-spec.md Appendix A)"));
  }

  @Test
  void aDefaultBlockIsReportedOnceNamingItsNodes() {
    List<Diagnostic> diagnostics = run(rule, """
        digraph G {
          node [model="m"]
          a b c d e f g
        }
        """);

    assertThat(diagnostics).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("unknown node attribute 'model' on nodes a, b, c, d, e and 2 more");
      assertThat(d.position()).isEqualTo(at(2, 15));
    });
  }

  @Test
  void edgeDefaultBlockIsReportedOnce() {
    assertThat(run(rule, "digraph G { edge [wieght=1] a -> b  b -> c }")).singleElement()
        .extracting(Diagnostic::message).asString().startsWith("unknown edge attribute 'wieght' on edges a -> b and b -> c");
  }
}
