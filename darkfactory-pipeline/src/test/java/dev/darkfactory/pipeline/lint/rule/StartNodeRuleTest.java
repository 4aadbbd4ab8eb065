package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;

class StartNodeRuleTest {
  private final StartNodeRule rule = new StartNodeRule();

  @Test
  void acceptsOneMdiamondNode() {
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
  }

  @Test
  void acceptsANodeNamedStartWhenNoShapeMarksOne() {
    assertThat(run(rule, "digraph G { start -> a }")).isEmpty();
    assertThat(run(rule, "digraph G { Start -> a }")).isEmpty();
  }

  @Test
  void acceptsAnExplicitStartType() {
    assertThat(run(rule, "digraph G { begin [type=start] begin -> a }")).isEmpty();
  }

  @Test
  void missingStartNodeIsAnErrorAtTheGraph() {
    Diagnostic d = run(rule, "digraph G {\n  a -> b\n}").getFirst();

    assertThat(d.rule()).isEqualTo("start_node");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("the pipeline has no start node: exactly one node must have shape=Mdiamond (or the ID start)");
    assertThat(d.fix()).contains("add start [shape=Mdiamond] and an edge from it to the first stage");
    assertThat(d.position()).isEqualTo(at(1, 1));
    assertThat(d.nodeId()).isEmpty();
  }

  @Test
  void severalStartNodesAreAnErrorNamingThem() {
    Diagnostic d = run(rule, """
        digraph G {
          a [shape=Mdiamond]
          b [shape=Mdiamond]
          c [shape=Mdiamond]
        }
        """).getFirst();

    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("the pipeline has 3 start nodes (a, b and c): exactly one is allowed");
    assertThat(d.nodeId()).contains("b");
    assertThat(d.position()).isEqualTo(at(3, 3));
    assertThat(d.fix()).contains("keep a as the only start node and give the others another shape");
  }

  @Test
  void bothStartAndCapitalStartAreTwoStartNodes() {
    assertThat(run(rule, "digraph G { start -> a  Start -> a }")).singleElement()
        .extracting(Diagnostic::message).asString().contains("2 start nodes (start and Start)");
  }
}
