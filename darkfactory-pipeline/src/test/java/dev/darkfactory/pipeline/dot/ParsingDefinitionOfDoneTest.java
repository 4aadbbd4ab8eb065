package dev.darkfactory.pipeline.dot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per item of attractor-spec.md 11.1 and per parse row of the 11.12 parity matrix. */
class ParsingDefinitionOfDoneTest {

  static Graph parse(String dot) {
    return DotParser.parse("dod.dot", dot);
  }

  @Nested
  class Checklist11_1 {
    @Test
    void acceptsTheSubsetWithGraphNodeAndEdgeBlocks() {
      Graph graph = parse("digraph G { graph [goal=\"g\"] node [shape=box] edge [weight=1] a -> b }");
      assertThat(graph.goal()).isEqualTo("g");
      assertThat(graph.node("a").orElseThrow().shape()).isEqualTo("box");
      assertThat(graph.edges().getFirst().weight()).isEqualTo(1);
    }

    @Test
    void graphLevelGoalLabelAndStylesheetAreExtracted() {
      Graph graph = parse("digraph G { graph [goal=\"Ship\", label=\"Release\", model_stylesheet=\"* { llm_model: m; }\"] }");
      assertThat(graph.goal()).isEqualTo("Ship");
      assertThat(graph.label()).isEqualTo("Release");
      assertThat(graph.modelStylesheet()).isEqualTo("* { llm_model: m; }");
    }

    @Test
    void multiLineNodeAttributeBlocks() {
      Graph graph = parse("""
          digraph G {
            review [
              shape=hexagon,
              label="Review",
              prompt="Look
          carefully"
            ]
          }
          """);
      Node review = graph.node("review").orElseThrow();
      assertThat(review.shape()).isEqualTo("hexagon");
      assertThat(review.prompt()).isEqualTo("Look\ncarefully");
    }

    @Test
    void edgeLabelConditionAndWeight() {
      Edge edge = parse("digraph G { a -> b [label=\"Yes\", condition=\"outcome=success\", weight=3] }").edges().getFirst();
      assertThat(edge.label()).isEqualTo("Yes");
      assertThat(edge.condition()).isEqualTo("outcome=success");
      assertThat(edge.weight()).isEqualTo(3);
    }

    @Test
    void chainedEdgesProduceOneEdgePerPair() {
      assertThat(parse("digraph G { A -> B -> C }").edges()).extracting(Edge::describe).containsExactly("A -> B", "B -> C");
    }

    @Test
    void defaultBlocksApplyToSubsequentDeclarations() {
      Graph graph = parse("digraph G { node [timeout=5m] edge [label=\"go\"] a -> b }");
      assertThat(graph.node("b").orElseThrow().timeout()).isPresent();
      assertThat(graph.edges().getFirst().label()).isEqualTo("go");
    }

    @Test
    void subgraphsAreFlattened() {
      Graph graph = parse("digraph G { subgraph cluster_x { a -> b } c }");
      assertThat(graph.nodes()).extracting(Node::id).containsExactly("a", "b", "c");
      assertThat(graph.edges()).hasSize(1);
    }

    @Test
    void classAttributeMergesAttributesFromTheStylesheet() {
      Graph graph = PipelineLoader.create().load(new SourceText("dod.dot", """
          digraph G {
            graph [model_stylesheet=".fast { llm_model: gemini-3-flash-preview; }"]
            quick [class="fast", prompt="p"]
          }
          """)).graph();
      assertThat(graph.node("quick").orElseThrow().llmModel()).contains("gemini-3-flash-preview");
    }

    @Test
    void quotedAndUnquotedValuesBothWork() {
      Graph graph = parse("digraph G { a [shape=box, label=\"A\"] b [shape=\"box\", label=B] }");
      assertThat(List.of(graph.node("a").orElseThrow().shape(), graph.node("b").orElseThrow().shape()))
          .containsExactly("box", "box");
      assertThat(graph.node("b").orElseThrow().label()).isEqualTo("B");
    }

    @Test
    void commentsAreStripped() {
      Graph graph = parse("digraph G { // line\n a /* block */ -> b }");
      assertThat(graph.edges()).hasSize(1);
    }
  }

  @Nested
  class ParityMatrixParseRows {
    @Test
    void parseASimpleLinearPipeline() {
      Graph graph = parse("digraph G { start [shape=Mdiamond] done [shape=Msquare] start -> A -> B -> done }");
      assertThat(graph.edges()).extracting(Edge::describe).containsExactly("start -> A", "A -> B", "B -> done");
    }

    @Test
    void parseAPipelineWithGraphLevelAttributes() {
      Graph graph = parse("digraph G { graph [goal=\"Build\", label=\"Build pipeline\"] }");
      assertThat(graph.goal()).isEqualTo("Build");
      assertThat(graph.label()).isEqualTo("Build pipeline");
    }

    @Test
    void parseMultiLineNodeAttributes() {
      Graph graph = parse("digraph G {\n  n [\n    label=\"N\",\n    max_retries=2\n  ]\n}");
      assertThat(graph.node("n").orElseThrow().maxRetries()).hasValue(2);
    }
  }
}
