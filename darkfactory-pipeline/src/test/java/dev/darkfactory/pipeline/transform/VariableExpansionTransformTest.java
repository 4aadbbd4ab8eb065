package dev.darkfactory.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.source.SourcePosition;
import org.junit.jupiter.api.Test;

class VariableExpansionTransformTest {
  private final VariableExpansionTransform transform = new VariableExpansionTransform();

  private static Graph parse(String dot) {
    return DotParser.parse("test.dot", dot);
  }

  private static String prompt(Graph graph, String id) {
    return graph.node(id).orElseThrow().prompt();
  }

  @Test
  void replacesGoalInPrompts() {
    Graph graph = parse("""
        digraph G {
          graph [goal="Ship feature X"]
          plan [prompt="Plan how to reach: $goal. Then restate $goal."]
          test [prompt="Run the tests"]
        }
        """);

    Graph expanded = transform.apply(graph);

    assertThat(prompt(expanded, "plan")).isEqualTo("Plan how to reach: Ship feature X. Then restate Ship feature X.");
    assertThat(prompt(expanded, "test")).isEqualTo("Run the tests");
  }

  @Test
  void isPlainReplacementNotATemplateEngine() {
    Graph graph = parse("""
        digraph G {
          goal = "G"
          a [prompt="$goals ${goal} $other \\\\$goal"]
        }
        """);

    assertThat(prompt(transform.apply(graph), "a")).isEqualTo("Gs ${goal} $other \\G");
  }

  @Test
  void missingGoalExpandsToTheEmptyString() {
    Graph graph = parse("digraph G { a [prompt=\"Goal: $goal.\"] }");

    assertThat(prompt(transform.apply(graph), "a")).isEqualTo("Goal: .");
  }

  @Test
  void onlyPromptsAreExpanded() {
    Graph graph = parse("digraph G { goal=\"G\" a [label=\"$goal\", tool_command=\"echo $goal\"] }");

    Graph expanded = transform.apply(graph);

    assertThat(expanded.node("a").orElseThrow().label()).isEqualTo("$goal");
    assertThat(expanded.node("a").orElseThrow().toolCommand()).isEqualTo("echo $goal");
  }

  @Test
  void keepsThePromptsSourcePosition() {
    Graph graph = parse("digraph G {\n  goal=\"G\"\n  a [prompt=\"do $goal\"]\n}");

    Graph expanded = transform.apply(graph);

    assertThat(expanded.node("a").orElseThrow().attributes().attribute("prompt").orElseThrow().position())
        .isEqualTo(SourcePosition.of("test.dot", 3, 13));
  }

  @Test
  void leavesTheInputGraphUnchanged() {
    Graph graph = parse("digraph G { goal=\"G\" a [prompt=\"do $goal\"] }");
    Graph copy = parse("digraph G { goal=\"G\" a [prompt=\"do $goal\"] }");

    Graph expanded = transform.apply(graph);

    assertThat(expanded).isNotSameAs(graph).isNotEqualTo(graph);
    assertThat(graph).isEqualTo(copy);
    assertThat(prompt(graph, "a")).isEqualTo("do $goal");
  }

  @Test
  void returnsTheSameGraphWhenNothingToExpand() {
    Graph graph = parse("digraph G { goal=\"G\" a [prompt=\"no variables\"] }");

    assertThat(transform.apply(graph)).isSameAs(graph);
  }
}
