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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnboundedLoopRuleTest {
  private final UnboundedLoopRule rule = new UnboundedLoopRule();

  /** The branching example of attractor-spec.md 2.13. */
  private static final String BRANCH = """
      digraph Branch {
          start     [shape=Mdiamond, label="Start"]
          exit      [shape=Msquare, label="Exit"]
          plan      [label="Plan", prompt="Plan the implementation"]
          implement [label="Implement", prompt="Implement the plan"%s]
          validate  [label="Validate", prompt="Run tests"]
          gate      [shape=diamond, label="Tests passing?"]

          start -> plan -> implement -> validate -> gate
          gate -> exit      [label="Yes", condition="outcome=success"]
          gate -> implement [label="No", condition="outcome!=success"]
      }
      """;

  @Test
  void acceptsAnAcyclicGraph() {
    assertThat(run(rule, RuleFixture.VALID)).isEmpty();
  }

  @Test
  void loopWithoutABoundIsAWarning() {
    Diagnostic d = run(rule, BRANCH.formatted("")).getFirst();

    assertThat(d.rule()).isEqualTo("unbounded_loop");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("nodes implement, validate and gate form a loop with no bound: no node in it sets"
        + " max_visits or max_retries and the graph sets no max_visits, so if the way out never opens the run cycles forever");
    assertThat(d.nodeId()).contains("implement");
    assertThat(d.fix()).contains("set max_visits on a node of the loop, as in implement [max_visits=5], or graph [max_visits=10]");
    assertThat(d.position()).isEqualTo(at(5, 5));
  }

  @ParameterizedTest
  @ValueSource(strings = {", max_visits=5", ", max_retries=2", ", max_retries=0"})
  void aBoundOnAnyNodeOfTheLoopSatisfiesIt(String bound) {
    assertThat(run(rule, BRANCH.formatted(bound))).isEmpty();
  }

  @Test
  void aGraphWideMaxVisitsSatisfiesIt() {
    assertThat(run(rule, BRANCH.formatted("").replace("digraph Branch {", "digraph Branch { max_visits=20"))).isEmpty();
  }

  @Test
  void selfLoopIsALoop() {
    assertThat(run(rule, "digraph G { poll -> poll  poll -> done }")).singleElement().extracting(Diagnostic::message)
        .asString().startsWith("node poll loops back to itself with no bound");
  }

  @Test
  void loopThroughAHumanGateIsBoundedByThePerson() {
    assertThat(run(rule, """
        digraph Review {
          start [shape=Mdiamond]
          exit [shape=Msquare]
          review_gate [shape=hexagon, label="Review Changes"]
          start -> review_gate
          review_gate -> ship_it [label="[A] Approve"]
          review_gate -> fixes [label="[F] Fix"]
          ship_it -> exit
          fixes -> review_gate
        }
        """)).isEmpty();
  }

  @Test
  void reportsEachLoopOnce() {
    assertThat(run(rule, "digraph G { a -> b -> a  c -> d -> e -> c  b -> c }"))
        .extracting(d -> d.nodeId().orElseThrow()).containsExactly("a", "c");
  }

  @Test
  void aTenThousandNodeCycleDoesNotOverflowTheStack() {
    int n = 10_000;
    List<Node> nodes = new ArrayList<>(n);
    List<Edge> edges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      nodes.add(Node.of("n" + i, Attributes.empty()));
      edges.add(Edge.of("n" + i, "n" + ((i + 1) % n)));
    }

    List<Diagnostic> diagnostics = run(rule, Graph.of("Ring", Attributes.empty(), nodes, edges));

    assertThat(diagnostics).singleElement().extracting(Diagnostic::message).asString()
        .startsWith("nodes n0, n1, n2, n3, n4 and 9995 more form a loop");
  }
}
