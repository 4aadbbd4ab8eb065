package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;

class TerminalNodeRuleTest {
  private final TerminalNodeRule rule = new TerminalNodeRule();

  @Test
  void acceptsOneMsquareNode() {
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
  }

  @Test
  void acceptsANodeNamedExitOrEndWhenNoShapeMarksOne() {
    assertThat(run(rule, "digraph G { a -> exit }")).isEmpty();
    assertThat(run(rule, "digraph G { a -> end }")).isEmpty();
  }

  @Test
  void missingExitNodeIsAnErrorAtTheGraph() {
    Diagnostic d = run(rule, "digraph G {\n  a -> b\n}").getFirst();

    assertThat(d.rule()).isEqualTo("terminal_node");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("the pipeline has no exit node: exactly one node must have shape=Msquare (or the ID exit)");
    assertThat(d.fix()).contains("add exit [shape=Msquare] and an edge to it from the last stage");
    assertThat(d.position()).isEqualTo(at(1, 1));
  }

  @Test
  void severalExitNodesAreAnError() {
    Diagnostic d = run(rule, "digraph G {\n  done [shape=Msquare]\n  finished [shape=Msquare]\n}").getFirst();

    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("the pipeline has 2 exit nodes (done and finished): exactly one is allowed");
    assertThat(d.nodeId()).contains("finished");
    assertThat(d.position()).isEqualTo(at(3, 3));
  }

  @Test
  void exitAndEndTogetherAreTwoExitNodes() {
    assertThat(run(rule, "digraph G { a -> exit  a -> end }")).singleElement()
        .extracting(Diagnostic::message).asString().contains("2 exit nodes (exit and end)");
  }
}
