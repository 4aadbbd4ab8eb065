package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.state.Fidelity;
import dev.darkfactory.pipeline.state.FidelityMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** attractor-spec.md 5.4 precedence and 5.3 step 6 degradation. */
class FidelityResolverTest {
  private static Fidelity resolve(String dot, boolean degrade) {
    Graph graph = DotParser.parse("t.dot", dot);
    Optional<Edge> edge = graph.incoming("n").stream().findFirst();
    return FidelityResolver.resolve(graph.node("n").orElseThrow(), edge, graph, "prev", degrade);
  }

  @Test
  void compactWhenNothingIsSet() {
    assertThat(resolve("digraph T { prev -> n }", false).mode()).isEqualTo(FidelityMode.COMPACT);
  }

  @Test
  void theEdgeWinsOverTheNodeWhichWinsOverTheGraph() {
    assertThat(resolve("digraph T { graph [default_fidelity=\"truncate\"] n [fidelity=\"summary:low\"] prev -> n [fidelity=\"summary:medium\"] }", false)
        .mode()).isEqualTo(FidelityMode.SUMMARY_MEDIUM);
    assertThat(resolve("digraph T { graph [default_fidelity=\"truncate\"] n [fidelity=\"summary:low\"] prev -> n }", false).mode())
        .isEqualTo(FidelityMode.SUMMARY_LOW);
    assertThat(resolve("digraph T { graph [default_fidelity=\"truncate\"] prev -> n }", false).mode()).isEqualTo(FidelityMode.TRUNCATE);
  }

  @Test
  void invalidModesAreSkipped() {
    assertThat(resolve("digraph T { graph [default_fidelity=\"truncate\"] n [fidelity=\"everything\"] prev -> n }", false).mode())
        .isEqualTo(FidelityMode.TRUNCATE);
  }

  @Test
  void threadKeyPrecedenceUnderFull() {
    String base = "digraph T { graph [default_fidelity=\"full\", thread_id=\"g\"] %s }";
    assertThat(resolve(base.formatted("n [thread_id=\"node\"] prev -> n [thread_id=\"edge\"]"), false).threadKey()).contains("node");
    assertThat(resolve(base.formatted("prev -> n [thread_id=\"edge\"]"), false).threadKey()).contains("edge");
    assertThat(resolve(base.formatted("prev -> n"), false).threadKey()).contains("g");
    assertThat(resolve("digraph T { graph [default_fidelity=\"full\"] subgraph s { label=\"Loop A\" n } prev -> n }", false).threadKey())
        .contains("loop-a");
    assertThat(resolve("digraph T { graph [default_fidelity=\"full\"] prev -> n }", false).threadKey()).contains("prev");
  }

  @Test
  void fullDegradesToSummaryHighForOneHopAfterResume() {
    Fidelity degraded = resolve("digraph T { graph [default_fidelity=\"full\"] prev -> n }", true);
    assertThat(degraded.mode()).isEqualTo(FidelityMode.SUMMARY_HIGH);
    assertThat(degraded.degraded()).isTrue();
    assertThat(degraded.threadKey()).isEmpty();
    assertThat(resolve("digraph T { graph [default_fidelity=\"compact\"] prev -> n }", true).mode()).isEqualTo(FidelityMode.COMPACT);
  }
}
