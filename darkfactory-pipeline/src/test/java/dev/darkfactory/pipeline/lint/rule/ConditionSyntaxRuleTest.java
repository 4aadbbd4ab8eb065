package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionSyntaxRuleTest {
  private final ConditionSyntaxRule rule = new ConditionSyntaxRule();

  @Test
  void acceptsValidAndEmptyConditions() {
    assertThat(run(rule, """
        digraph G {
          a -> b [condition="outcome=success && context.tests_passed=true"]
          a -> c [condition="outcome!=success"]
          a -> d [condition=""]
          a -> e [condition=ready]
          a -> f
        }
        """)).isEmpty();
  }

  @Test
  void invalidConditionIsAnErrorPointingAtTheToken() {
    Diagnostic d = run(rule, """
        digraph G {
          gate -> exit [label="Yes", condition="outcome==success"]
        }
        """).getFirst();

    assertThat(d.rule()).isEqualTo("condition_syntax");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("invalid condition on edge gate -> exit \"outcome==success\": '==' is not an operator:"
        + " use '=' for equality, as in outcome=value");
    assertThat(d.edge()).contains(new Diagnostic.EdgeRef("gate", "exit"));
    assertThat(d.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("key=value or key!=value joined by &&"));
    // The value's quote is at column 40; '==' is 7 characters into the expression.
    assertThat(d.position()).isEqualTo(at(2, 48));
  }

  @Test
  void reportsEveryInvalidCondition() {
    assertThat(run(rule, """
        digraph G {
          a -> b [condition="outcome=success || outcome=fail"]
          a -> c [condition="outcome="]
        }
        """)).extracting(Diagnostic::message).satisfiesExactly(
            m -> assertThat(m).contains("use two edges"),
            m -> assertThat(m).contains("expected a value after '='"));
  }

  @Test
  void checksManagerStopConditions() {
    Diagnostic d = run(rule, "digraph G {\n  boss [shape=house, manager.stop_condition=\"context.done=\"]\n}").getFirst();

    assertThat(d.message()).startsWith("invalid manager.stop_condition on node boss \"context.done=\": expected a value");
    assertThat(d.nodeId()).contains("boss");
    assertThat(d.edge()).isEmpty();
    assertThat(d.position()).isEqualTo(at(2, 59));
  }

  @Test
  void fallsBackToTheEdgePositionForGraphsBuiltInCode() {
    Graph graph = Graph.of("G", Attributes.empty(), List.of(Node.of("a", Attributes.empty()), Node.of("b", Attributes.empty())),
        List.of(Edge.of("a", "b", Attributes.ofStrings("condition", "outcome==x"))));

    Diagnostic d = run(rule, graph).getFirst();

    assertThat(d.position().isKnown()).isFalse();
  }
}
