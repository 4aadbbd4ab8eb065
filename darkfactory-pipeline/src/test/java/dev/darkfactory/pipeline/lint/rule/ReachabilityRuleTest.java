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

class ReachabilityRuleTest {
  private final ReachabilityRule rule = new ReachabilityRule();

  @Test
  void acceptsAGraphWhereEveryNodeIsReachable() {
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
  }

  @Test
  void orphanNodeIsAnUnreachableError() {
    Diagnostic d = run(rule, """
        digraph G {
          start [shape=Mdiamond]
          exit [shape=Msquare]
          start -> exit
          orphan [prompt="never runs"]
        }
        """).getFirst();

    assertThat(d.rule()).isEqualTo("reachability");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("node orphan is unreachable from the start node start: it can never run");
    assertThat(d.nodeId()).contains("orphan");
    assertThat(d.fix()).contains("add an edge to orphan from a reachable node, or remove it");
    assertThat(d.position()).isEqualTo(at(5, 3));
  }

  @Test
  void reportsEveryNodeOfAnUnreachableIsland() {
    List<Diagnostic> diagnostics = run(rule, """
        digraph G {
          start [shape=Mdiamond]
          start -> exit
          a -> b -> a
        }
        """);

    assertThat(diagnostics).extracting(d -> d.nodeId().orElseThrow()).containsExactly("a", "b");
  }

  @Test
  void edgesIntoTheIslandFromItselfDoNotCount() {
    assertThat(run(rule, "digraph G { start -> exit  island -> exit }"))
        .extracting(d -> d.nodeId().orElseThrow()).containsExactly("island");
  }

  @Test
  void withoutAStartNodeReportsNothing() {
    assertThat(run(rule, "digraph G { a -> b  c }")).isEmpty();
  }

  @Test
  void edgesToMissingNodesAreIgnored() {
    Graph graph = Graph.of("G", Attributes.empty(),
        List.of(Node.of("start", Attributes.ofStrings("shape", "Mdiamond")), Node.of("exit", Attributes.empty())),
        List.of(Edge.of("start", "ghost"), Edge.of("start", "exit")));

    assertThat(run(rule, graph)).isEmpty();
  }
}
