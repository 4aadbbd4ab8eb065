package dev.darkfactory.pipeline.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validation is linear: a generated 10,000-node, 20,000-edge graph validates, and deep structures
 * do not overflow the stack. No timing assertions; a quadratic rule would make this test crawl.
 */
class LinterScaleTest {
  private static final int NODES = 10_000;

  @Test
  void validatesATenThousandNodeTwentyThousandEdgeGraph() {
    StringBuilder dot = new StringBuilder("digraph Big {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n");
    dot.append("  node [prompt=\"step\", max_visits=3]\n");
    for (int i = 0; i < NODES; i++) {
      dot.append("  n").append(i).append(" [label=\"Step ").append(i).append("\"]\n");
    }
    dot.append("  start -> n0\n");
    for (int i = 0; i + 1 < NODES; i++) {
      dot.append("  n").append(i).append(" -> n").append(i + 1).append('\n');
      dot.append("  n").append(i).append(" -> n").append((i * 7919 + 13) % NODES)
          .append(" [condition=\"outcome=fail\"]\n");
    }
    dot.append("  n").append(NODES - 1).append(" -> exit [condition=\"outcome=success\"]\n}\n");
    Graph graph = DotParser.parse("big.dot", dot.toString());

    List<Diagnostic> diagnostics = Linter.builtIn().validate(graph);

    assertThat(graph.nodes()).hasSize(NODES + 2);
    assertThat(graph.edges()).hasSizeGreaterThanOrEqualTo(2 * NODES - 1);
    assertThat(diagnostics).isEmpty();
  }

  @Test
  void manyProblemsAreReportedWithoutSlowingDown() {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < NODES; i++) {
      nodes.add(Node.of("n" + i, Attributes.ofStrings("model", "x", "fidelity", "ful")));
      edges.add(Edge.of("n" + i, "missing" + i));
      edges.add(Edge.of("n" + i, "n" + ((i + 1) % NODES)));
    }

    List<Diagnostic> diagnostics = Linter.builtIn().validate(Graph.of("Bad", Attributes.empty(), nodes, edges));

    assertThat(diagnostics).hasSizeGreaterThan(4 * NODES);
  }

  @Test
  void aTenThousandNodeCycleValidatesWithoutStackOverflow() {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    nodes.add(Node.of("start", Attributes.ofStrings("shape", "Mdiamond")));
    nodes.add(Node.of("exit", Attributes.ofStrings("shape", "Msquare")));
    edges.add(Edge.of("start", "c0"));
    edges.add(Edge.of("c0", "exit", Attributes.ofStrings("condition", "outcome=success")));
    for (int i = 0; i < NODES; i++) {
      nodes.add(Node.of("c" + i, Attributes.ofStrings("prompt", "p")));
      edges.add(Edge.of("c" + i, "c" + ((i + 1) % NODES)));
    }

    List<Diagnostic> diagnostics = Linter.builtIn().validate(Graph.of("Ring", Attributes.empty(), nodes, edges));

    assertThat(diagnostics).extracting(Diagnostic::rule).containsExactly("unbounded_loop");
  }
}
