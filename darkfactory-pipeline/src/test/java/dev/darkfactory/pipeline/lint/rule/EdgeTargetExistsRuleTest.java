package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeTargetExistsRuleTest {
  private final EdgeTargetExistsRule rule = new EdgeTargetExistsRule();

  private static Graph graph(Edge... edges) {
    return Graph.of("G", Attributes.empty(),
        List.of(Node.of("start", Attributes.empty()), Node.of("work", Attributes.empty()), Node.of("exit", Attributes.empty())),
        List.of(edges));
  }

  @Test
  void parsedGraphsAlwaysPass() {
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
  }

  @Test
  void edgeToAMissingNodeIsAnErrorWithASuggestion() {
    SourcePosition where = SourcePosition.of("gen.dot", 7, 9);
    Graph graph = graph(Edge.of("start", "work"), new Edge("work", "exti", Attributes.empty(), where));

    Diagnostic d = run(rule, graph).getFirst();

    assertThat(d.rule()).isEqualTo("edge_target_exists");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("edge work -> exti points to node 'exti', which does not exist (did you mean 'exit'?)");
    assertThat(d.edge()).contains(new Diagnostic.EdgeRef("work", "exti"));
    assertThat(d.fix()).contains("declare node exti or connect the edge to an existing node (did you mean 'exit'?)");
    assertThat(d.position()).isEqualTo(where);
  }

  @Test
  void edgeFromAMissingNodeIsAnError() {
    Diagnostic d = run(rule, graph(Edge.of("ghost", "exit"))).getFirst();

    assertThat(d.message()).isEqualTo("edge ghost -> exit starts at node 'ghost', which does not exist");
  }

  @Test
  void reportsBothEndsWhenBothAreMissing() {
    assertThat(run(rule, graph(Edge.of("a", "b")))).hasSize(2);
  }
}
