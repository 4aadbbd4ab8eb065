package dev.darkfactory.pipeline.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.backend.SimulationBackend;
import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.human.AutoApproveInterviewer;
import dev.darkfactory.pipeline.state.Outcome;
import org.junit.jupiter.api.Test;

/** attractor-spec.md 4.2 and Appendix B. */
class HandlerRegistryTest {
  static final HandlerRegistry STANDARD = HandlerRegistry.standard(new SimulationBackend(), new AutoApproveInterviewer());

  @Test
  void eachShapeResolvesToItsHandlerType() {
    Graph graph = DotParser.parse("t.dot", """
        digraph S { s [shape=Mdiamond]; e [shape=Msquare]; b [shape=box]; h [shape=hexagon]; d [shape=diamond]
          c [shape=component]; t [shape=tripleoctagon]; p [shape=parallelogram]; m [shape=house]; none }
        """);
    assertThat(graph.nodes()).extracting(STANDARD::typeOf).containsExactly("start", "exit", "codergen", "wait.human", "conditional",
        "parallel", "parallel.fan_in", "tool", "stack.manager_loop", "codergen");
    assertThat(STANDARD.resolve(graph.node("h").orElseThrow())).isInstanceOf(WaitForHumanHandler.class);
    assertThat(STANDARD.resolve(graph.node("m").orElseThrow())).isInstanceOf(ManagerLoopHandler.class);
  }

  @Test
  void anExplicitTypeWinsOverTheShapeAndUnknownTypesFallBack() {
    Graph graph = DotParser.parse("t.dot", "digraph S { a [shape=box, type=\"tool\"]; b [shape=hexagon, type=\"nonsense\"]; c [shape=blob] }");
    assertThat(STANDARD.typeOf(graph.node("a").orElseThrow())).isEqualTo("tool");
    assertThat(STANDARD.typeOf(graph.node("b").orElseThrow())).isEqualTo("wait.human");
    assertThat(STANDARD.typeOf(graph.node("c").orElseThrow())).isEqualTo(HandlerTypes.CODERGEN);
  }

  @Test
  void registeringReplacesAndReturnsANewRegistry() {
    Handler custom = stage -> Outcome.success("custom");
    HandlerRegistry replaced = STANDARD.with("tool", custom).with("deploy", custom);
    Graph graph = DotParser.parse("t.dot", "digraph S { p [shape=parallelogram]; d [type=\"deploy\"] }");
    assertThat(replaced.resolve(graph.node("p").orElseThrow())).isSameAs(custom);
    assertThat(replaced.resolve(graph.node("d").orElseThrow())).isSameAs(custom);
    assertThat(STANDARD.resolve(graph.node("p").orElseThrow())).isInstanceOf(ToolHandler.class);
    assertThat(replaced.types()).contains("deploy");
  }

  @Test
  void capabilitiesDescribeHandlersInsteadOfTypeChecks() {
    Graph graph = DotParser.parse("t.dot", "digraph S { b; c [shape=component]; j [shape=tripleoctagon]; jp [shape=tripleoctagon, prompt=\"rank\"]; d [shape=diamond] }");
    assertThat(STANDARD.has(graph.node("b").orElseThrow(), HandlerCapability.CALLS_BACKEND)).isTrue();
    assertThat(STANDARD.has(graph.node("c").orElseThrow(), HandlerCapability.FANS_OUT)).isTrue();
    assertThat(STANDARD.has(graph.node("j").orElseThrow(), HandlerCapability.JOINS_BRANCHES)).isTrue();
    assertThat(STANDARD.has(graph.node("j").orElseThrow(), HandlerCapability.CALLS_BACKEND)).isFalse();
    assertThat(STANDARD.has(graph.node("jp").orElseThrow(), HandlerCapability.CALLS_BACKEND)).isTrue();
    assertThat(STANDARD.has(graph.node("d").orElseThrow(), HandlerCapability.ROUTING_ONLY)).isTrue();
  }
}
