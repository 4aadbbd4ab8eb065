package dev.darkfactory.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.source.SourcePosition;
import org.junit.jupiter.api.Test;

class StylesheetTransformTest {
  private final StylesheetTransform transform = new StylesheetTransform();

  private static Graph parse(String dot) {
    return DotParser.parse("test.dot", dot);
  }

  private static Node node(Graph graph, String id) {
    return graph.node(id).orElseThrow();
  }

  /** attractor-spec.md 8.6, exactly as written there. */
  @Test
  void appliesTheSpecExample() {
    Graph graph = parse("""
        digraph Pipeline {
            graph [
                goal="Implement feature X",
                model_stylesheet="
                    * { llm_model: claude-sonnet-4-5; llm_provider: anthropic; }
                    .code { llm_model: claude-opus-4-6; llm_provider: anthropic; }
                    #critical_review { llm_model: gpt-5.2; llm_provider: openai; reasoning_effort: high; }
                "
            ]

            start [shape=Mdiamond]
            exit  [shape=Msquare]

            plan            [label="Plan", class="planning"]
            implement       [label="Implement", class="code"]
            critical_review [label="Critical Review", class="code"]

            start -> plan -> implement -> critical_review -> exit
        }
        """);

    Graph styled = transform.apply(graph);

    assertThat(node(styled, "plan").llmModel()).contains("claude-sonnet-4-5");
    assertThat(node(styled, "plan").llmProvider()).contains("anthropic");
    assertThat(node(styled, "implement").llmModel()).contains("claude-opus-4-6");
    assertThat(node(styled, "implement").llmProvider()).contains("anthropic");
    assertThat(node(styled, "critical_review").llmModel()).contains("gpt-5.2");
    assertThat(node(styled, "critical_review").llmProvider()).contains("openai");
    assertThat(node(styled, "critical_review").attributes().text("reasoning_effort")).contains("high");
    assertThat(node(styled, "plan").attributes().has("reasoning_effort")).isFalse();
  }

  @Test
  void appliesModelOverrideByShape() {
    Graph graph = parse("""
        digraph G {
          model_stylesheet = "box { llm_model: \\"claude-opus-4-6\\" } hexagon { llm_model: none-needed }"
          a [prompt="x"]
          b [shape=box, prompt="y"]
          gate [shape=hexagon]
          check [shape=diamond]
        }
        """);

    Graph styled = transform.apply(graph);

    assertThat(node(styled, "a").llmModel()).contains("claude-opus-4-6");
    assertThat(node(styled, "b").llmModel()).contains("claude-opus-4-6");
    assertThat(node(styled, "gate").llmModel()).contains("none-needed");
    assertThat(node(styled, "check").llmModel()).isEmpty();
  }

  @Test
  void explicitNodeAttributesOverrideTheStylesheet() {
    Graph graph = parse("""
        digraph G {
          model_stylesheet = "#review { llm_model: styled; reasoning_effort: high } * { llm_provider: anthropic }"
          review [llm_model="explicit", reasoning_effort=low]
        }
        """);

    Node review = node(transform.apply(graph), "review");

    assertThat(review.llmModel()).contains("explicit");
    assertThat(review.reasoningEffort()).isEqualTo("low");
    assertThat(review.llmProvider()).contains("anthropic");
  }

  @Test
  void nodeDefaultBlocksCountAsTheNodesOwnAttributes() {
    Graph graph = parse("""
        digraph G {
          model_stylesheet = "* { llm_model: styled }"
          node [llm_model="from-defaults"]
          a
        }
        """);

    assertThat(node(transform.apply(graph), "a").llmModel()).contains("from-defaults");
  }

  @Test
  void anEmptyExplicitValueCountsAsUnset() {
    Graph graph = parse("digraph G { model_stylesheet=\"* { llm_model: styled }\" a [llm_model=\"\"] }");

    assertThat(node(transform.apply(graph), "a").llmModel()).contains("styled");
  }

  @Test
  void graphLevelDefaultsFillWhatTheStylesheetLeavesUnset() {
    Graph graph = parse("""
        digraph G {
          graph [llm_model="graph-model", llm_provider="graph-provider", reasoning_effort="medium",
                 model_stylesheet="#a { llm_model: styled }"]
          a
          b [llm_provider="explicit"]
        }
        """);

    Graph styled = transform.apply(graph);

    assertThat(node(styled, "a").llmModel()).contains("styled");
    assertThat(node(styled, "a").llmProvider()).contains("graph-provider");
    assertThat(node(styled, "a").reasoningEffort()).isEqualTo("medium");
    assertThat(node(styled, "b").llmModel()).contains("graph-model");
    assertThat(node(styled, "b").llmProvider()).contains("explicit");
  }

  @Test
  void graphLevelDefaultsApplyWithoutAStylesheet() {
    Graph graph = parse("digraph G { llm_model=\"m\" a }");

    assertThat(node(transform.apply(graph), "a").llmModel()).contains("m");
  }

  @Test
  void styledAttributesPointIntoTheStylesheet() {
    Graph graph = parse("digraph G {\n  model_stylesheet=\"\n    * { llm_model: styled }\"\n  a\n}");

    Node a = node(transform.apply(graph), "a");

    assertThat(a.attributes().attribute("llm_model").orElseThrow().position())
        .isEqualTo(SourcePosition.of("test.dot", 3, 20));
  }

  @Test
  void invalidStylesheetLeavesTheGraphUnchanged() {
    Graph graph = parse("digraph G { llm_model=\"m\" model_stylesheet=\"* { model: x }\" a }");

    assertThat(transform.apply(graph)).isSameAs(graph);
  }

  @Test
  void leavesTheInputGraphUnchanged() {
    String dot = "digraph G { model_stylesheet=\"* { llm_model: styled }\" a }";
    Graph graph = parse(dot);

    Graph styled = transform.apply(graph);

    assertThat(styled).isNotEqualTo(graph);
    assertThat(graph).isEqualTo(parse(dot));
    assertThat(node(graph, "a").llmModel()).isEmpty();
  }

  @Test
  void returnsTheSameGraphWhenNothingApplies() {
    Graph graph = parse("digraph G { a [prompt=\"x\"] }");

    assertThat(transform.apply(graph)).isSameAs(graph);
  }
}
