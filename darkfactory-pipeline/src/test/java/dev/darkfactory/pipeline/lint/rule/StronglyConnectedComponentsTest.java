package dev.darkfactory.pipeline.lint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.graph.Node;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StronglyConnectedComponentsTest {

  private static List<List<Integer>> components(int[][] successors) {
    return StronglyConnectedComponents.tarjan(successors).stream()
        .map(c -> Arrays.stream(c).sorted().boxed().toList())
        .toList();
  }

  @Test
  void findsComponentsOfAClassicExample() {
    // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 4 -> 3, 5 alone.
    int[][] successors = {{1}, {2}, {0, 3}, {4}, {3}, {}};

    assertThat(components(successors)).containsExactlyInAnyOrder(List.of(0, 1, 2), List.of(3, 4), List.of(5));
  }

  @Test
  void everyNodeIsInExactlyOneComponent() {
    int[][] successors = {{1, 2}, {2}, {0}, {3, 4}, {5}, {4}, {}};

    assertThat(components(successors).stream().mapToInt(List::size).sum()).isEqualTo(7);
  }

  @Test
  void cyclesKeepDeclarationOrderAndIncludeSelfLoops() {
    List<List<Node>> cycles = StronglyConnectedComponents.cycles(RuleFixture.parse("digraph G { x -> y -> z -> y  w -> w }"));

    assertThat(cycles).extracting(c -> c.stream().map(Node::id).toList())
        .containsExactlyInAnyOrder(List.of("y", "z"), List.of("w"));
  }

  @Test
  void aLongChainIsHandledWithoutRecursion() {
    int n = 200_000;
    int[][] successors = new int[n][];
    for (int i = 0; i < n; i++) {
      successors[i] = i + 1 < n ? new int[] {i + 1} : new int[0];
    }

    assertThat(StronglyConnectedComponents.tarjan(successors)).hasSize(n);
  }
}
