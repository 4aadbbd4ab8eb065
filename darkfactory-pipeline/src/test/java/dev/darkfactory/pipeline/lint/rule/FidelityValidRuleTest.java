package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityValidRuleTest {
  private final FidelityValidRule rule = new FidelityValidRule();

  @Test
  void acceptsEveryModeAndEmptyValues() {
    assertThat(run(rule, """
        digraph G {
          default_fidelity="summary:high"
          a [fidelity=full] b [fidelity=truncate] c [fidelity=compact] d [fidelity="summary:low"]
          e [fidelity="summary:medium"] f [fidelity=""]
          a -> b [fidelity="summary:high"]
        }
        """)).isEmpty();
  }

  @Test
  void invalidNodeFidelityIsAWarningWithASuggestion() {
    Diagnostic d = run(rule, "digraph G {\n  plan [fidelity=ful]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("fidelity_valid");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("node plan sets fidelity='ful', which is not a fidelity mode (did you mean 'full'?)");
    assertThat(d.nodeId()).contains("plan");
    assertThat(d.fix()).contains("write fidelity=\"full\"");
    assertThat(d.position()).isEqualTo(at(2, 18));
  }

  @Test
  void checksEdgesAndTheGraphDefault() {
    List<Diagnostic> diagnostics = run(rule, """
        digraph G {
          default_fidelity = summary
          a -> b [fidelity="everything"]
        }
        """);

    assertThat(diagnostics).extracting(Diagnostic::message).containsExactly(
        "the graph sets default_fidelity='summary', which is not a fidelity mode",
        "edge a -> b sets fidelity='everything', which is not a fidelity mode");
    assertThat(diagnostics.get(1).edge()).contains(new Diagnostic.EdgeRef("a", "b"));
    assertThat(diagnostics.get(1).fix()).hasValueSatisfying(fix -> assertThat(fix)
        .isEqualTo("use one of full, truncate, compact, summary:low, summary:medium, summary:high (attractor-spec.md 5.4)"));
  }

  @Test
  void aDefaultBlockIsReportedOnceForAllItsNodes() {
    List<Diagnostic> diagnostics = run(rule, """
        digraph G {
          node [fidelity="summary:hi"]
          a b c
        }
        """);

    assertThat(diagnostics).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("nodes a, b and c set fidelity='summary:hi'");
      assertThat(d.position()).isEqualTo(at(2, 18));
      assertThat(d.nodeId()).contains("a");
    });
  }
}
