package dev.darkfactory.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import org.junit.jupiter.api.Test;

/** Regression: start and exit candidates found by ID come in a fixed order, whatever the JVM run. */
class GraphTerminalsTest {

  @Test
  void startCandidatesByIdAreInTheSpecsOrder() {
    Graph graph = DotParser.parse("test.dot", "digraph G { Start -> a  start -> a }");

    assertThat(graph.startNodes()).extracting(Node::id).containsExactly("start", "Start");
  }

  @Test
  void exitCandidatesByIdAreInTheSpecsOrder() {
    Graph graph = DotParser.parse("test.dot", "digraph G { a -> end  a -> exit }");

    assertThat(graph.exitNodes()).extracting(Node::id).containsExactly("exit", "end");
  }
}
