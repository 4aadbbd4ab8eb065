package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagerChildDotfileRuleTest {
  private final ManagerChildDotfileRule rule = new ManagerChildDotfileRule();

  @Test
  void houseWithoutAChildPipelineIsAnError() {
    Diagnostic d = run(rule, "digraph G {\n  supervise [shape=house]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("manager_child_dotfile");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("node supervise runs as the manager loop (stack.manager_loop) but no child pipeline is"
        + " set: neither the node nor the graph has stack.child_dotfile");
    assertThat(d.nodeId()).contains("supervise");
    assertThat(d.fix()).contains("add graph [stack.child_dotfile=\"child.dot\"] (or set it on supervise), or give supervise"
        + " another shape if it is not a supervisor");
    assertThat(d.position()).isEqualTo(at(2, 3));
  }

  @Test
  void explicitManagerTypeIsCheckedToo() {
    assertThat(run(rule, "digraph G { m [type=\"stack.manager_loop\"] }")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "digraph G { stack.child_dotfile=\"child.dot\" m [shape=house] }",
      "digraph G { m [shape=house, stack.child_dotfile=\"child.dot\"] }",
      "digraph G { m [shape=hexagon] }"})
  void isSatisfiedByANodeOrGraphChildDotfile(String dot) {
    assertThat(run(rule, dot)).isEmpty();
  }

  @Test
  void anEmptyChildDotfileDoesNotCount() {
    assertThat(run(rule, "digraph G { m [shape=house, stack.child_dotfile=\"\"] }")).hasSize(1);
  }
}
