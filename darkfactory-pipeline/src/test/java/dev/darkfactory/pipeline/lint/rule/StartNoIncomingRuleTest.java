package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;

class StartNoIncomingRuleTest {
  private final StartNoIncomingRule rule = new StartNoIncomingRule();

  @Test
  void acceptsAStartWithoutIncomingEdges() {
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
  }

  @Test
  void incomingEdgeIsAnErrorAtTheEdge() {
    Diagnostic d = run(rule, """
        digraph G {
          start [shape=Mdiamond]
          start -> work
          work -> start
        }
        """).getFirst();

    assertThat(d.rule()).isEqualTo("start_no_incoming");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("start node start has an incoming edge work -> start: the start node must have no incoming edges");
    assertThat(d.nodeId()).contains("start");
    assertThat(d.edge()).contains(new Diagnostic.EdgeRef("work", "start"));
    assertThat(d.fix()).contains("point the edge at the first stage after start instead");
    assertThat(d.position()).isEqualTo(at(4, 11));
  }

  @Test
  void selfLoopOnStartIsReported() {
    assertThat(run(rule, "digraph G { start [shape=Mdiamond] start -> start }")).hasSize(1);
  }
}
