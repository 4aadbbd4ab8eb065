package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;

class ExitNoOutgoingRuleTest {
  private final ExitNoOutgoingRule rule = new ExitNoOutgoingRule();

  @Test
  void acceptsAnExitWithoutOutgoingEdges() {
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
  }

  @Test
  void outgoingEdgeIsAnErrorAtTheEdge() {
    Diagnostic d = run(rule, """
        digraph G {
          exit [shape=Msquare]
          work -> exit
          exit -> work
        }
        """).getFirst();

    assertThat(d.rule()).isEqualTo("exit_no_outgoing");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("exit node exit has an outgoing edge exit -> work: the run stops at the exit node,"
        + " so the edge is never followed");
    assertThat(d.nodeId()).contains("exit");
    assertThat(d.edge()).contains(new Diagnostic.EdgeRef("exit", "work"));
    assertThat(d.fix()).contains("remove the edge, or start it from the stage before exit");
    assertThat(d.position()).isEqualTo(at(4, 11));
  }
}
