package dev.darkfactory.pipeline.dot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inputs chosen to break parsers: each gives a clear error or a correct result, never a
 * StackOverflowError or an unbounded allocation.
 */
class PathologicalInputTest {

  @Test
  void tenThousandNestedSubgraphsGiveAClearError() {
    String dot = "digraph G {\n" + "subgraph s { label=\"L\" n ".repeat(10_000) + "}".repeat(10_001);
    assertThatThrownBy(() -> DotParser.parse("deep.dot", dot))
        .isInstanceOf(DotSyntaxException.class)
        .hasMessageContaining("subgraphs are nested more than 1000 levels deep");
  }

  @Test
  void nestingUpToTheLimitParsesWithDefaultsAndClassesInnermostFirst() {
    int depth = DotParser.MAX_SUBGRAPH_DEPTH;
    StringBuilder dot = new StringBuilder("digraph G {\n");
    for (int i = 0; i < depth; i++) {
      dot.append("subgraph s").append(i).append(" { label=\"Level ").append(i).append("\"; n").append(i).append(' ');
      if (i == depth / 2) {
        dot.append(" node [timeout=5s];");
      }
    }
    dot.append(" deepest ");
    dot.append("}".repeat(depth)).append("\nafter\n}\n");
    Graph graph = DotParser.parse("deep.dot", dot.toString());
    Node deepest = graph.node("deepest").orElseThrow();
    assertThat(deepest.derivedClasses()).hasSize(depth).first().isEqualTo("level-999");
    assertThat(deepest.derivedClasses()).last().isEqualTo("level-0");
    assertThat(deepest.timeout()).isPresent();
    assertThat(graph.node("n0").orElseThrow().derivedClasses()).containsExactly("level-0");
    assertThat(graph.node("after").orElseThrow().derivedClasses()).isEmpty();
  }

  @Test
  void unclosedBracesGiveAClearError() {
    assertThatThrownBy(() -> DotParser.parse("open.dot", "digraph G {" + "{".repeat(100_000)))
        .isInstanceOf(DotSyntaxException.class)
        .hasMessageContaining("nested more than 1000 levels deep");
    assertThatThrownBy(() -> DotParser.parse("open.dot", "digraph G {" + "{".repeat(999)))
        .isInstanceOf(DotSyntaxException.class)
        .hasMessageContaining("the graph is not closed")
        .hasMessageContaining("a subgraph is still open");
  }

  @Test
  void hundredThousandCharacterString() {
    String prompt = "x".repeat(100_000);
    Graph graph = DotParser.parse("long.dot", "digraph G { a [prompt=\"" + prompt + "\"] }");
    assertThat(graph.node("a").orElseThrow().prompt()).hasSize(100_000);
  }

  @Test
  void hundredThousandCharacterUnterminatedStringPointsAtItsStart() {
    assertThatThrownBy(() -> DotParser.parse("long.dot", "digraph G {\n a [prompt=\"" + "y".repeat(100_000)))
        .isInstanceOf(DotSyntaxException.class)
        .hasMessageStartingWith("long.dot:2:12: unterminated string");
  }

  @Test
  void fiftyMegabyteFileParses() {
    String prompt = "Implement the next step of the plan carefully. ".repeat(20);
    StringBuilder dot = new StringBuilder(52 * 1024 * 1024);
    dot.append("digraph Big {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n");
    int nodes = 0;
    while (dot.length() < 50 * 1024 * 1024) {
      dot.append("  n").append(nodes).append(" [label=\"Step ").append(nodes).append("\", prompt=\"").append(prompt)
          .append("\", timeout=900s, max_retries=2]\n");
      nodes++;
    }
    dot.append("  start -> n0\n");
    for (int i = 1; i < nodes; i++) {
      dot.append("  n").append(i - 1).append(" -> n").append(i).append(" [weight=").append(i % 7).append("]\n");
    }
    dot.append("  n").append(nodes - 1).append(" -> exit\n}\n");
    Graph graph = DotParser.parse(DotSource.decode("big.dot", dot.toString().getBytes(StandardCharsets.UTF_8)));
    assertThat(graph.nodes()).hasSize(nodes + 2);
    assertThat(graph.edges()).hasSize(nodes + 1);
  }

  @Test
  void fiftyMegabytesOfRandomBytesAreRejectedAsBinary() {
    byte[] noise = new byte[50 * 1024 * 1024];
    new Random(42).nextBytes(noise);
    assertThatThrownBy(() -> DotSource.decode("noise.bin", noise))
        .isInstanceOf(DotSyntaxException.class)
        .hasMessageContaining("not a text file");
  }

  @Test
  void fiftyMegabytesOfTextThatIsNotDotFailsAtTheFirstToken() {
    String text = "lorem ipsum ".repeat(4_500_000);
    assertThatThrownBy(() -> DotParser.parse("prose.txt", text))
        .isInstanceOf(DotSyntaxException.class)
        .hasMessageStartingWith("prose.txt:1:1: expected 'digraph'");
  }

  @Test
  void longChainOfEdgesInOneStatement() {
    StringBuilder dot = new StringBuilder("digraph G { n0");
    for (int i = 1; i <= 100_000; i++) {
      dot.append(" -> n").append(i);
    }
    Graph graph = DotParser.parse("chain.dot", dot.append(" }").toString());
    assertThat(graph.edges()).hasSize(100_000);
  }
}
