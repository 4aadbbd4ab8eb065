package dev.darkfactory.pipeline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.Linter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformsTest {
  private static final String DOT = """
      digraph G {
        graph [goal="Ship", model_stylesheet="* { llm_model: styled }"]
        start [shape=Mdiamond]
        exit [shape=Msquare]
        work [prompt="Do: $goal"]
        start -> work -> exit
      }
      """;

  @Test
  void builtInsRunVariableExpansionThenStylesheet() {
    assertThat(Transforms.builtIn().all()).hasExactlyElementsOfTypes(VariableExpansionTransform.class, StylesheetTransform.class);
    assertThat(Transforms.builtIn().custom()).isEmpty();
  }

  @Test
  void customTransformsRunAfterTheBuiltInsInRegistrationOrder() {
    List<String> seen = new ArrayList<>();
    Transform first = graph -> {
      Node work = graph.node("work").orElseThrow();
      seen.add("first saw prompt=" + work.prompt() + " model=" + work.llmModel().orElse(""));
      return graph;
    };
    Transform second = graph -> {
      seen.add("second");
      return graph;
    };

    Transforms.builtIn().with(first).with(second).apply(DotParser.parse("test.dot", DOT));

    assertThat(seen).containsExactly("first saw prompt=Do: Ship model=styled", "second");
  }

  @Test
  void withCustomKeepsTheGivenOrder() {
    Transform a = graph -> graph;
    Transform b = graph -> graph;

    assertThat(Transforms.withCustom(List.of(a, b)).all()).hasSize(4).endsWith(a, b);
  }

  @Test
  void chainIsImmutable() {
    Transforms base = Transforms.builtIn();

    Transforms extended = base.with(graph -> graph);

    assertThat(base.custom()).isEmpty();
    assertThat(extended.custom()).hasSize(1);
  }

  @Test
  void transformsCanChangeTheGraphBeforeValidation() {
    Transform addReviewStage = graph -> {
      List<Node> nodes = new ArrayList<>(graph.nodes());
      nodes.add(Node.of("review", Attributes.ofStrings("prompt", "Review the work")));
      List<Edge> edges = new ArrayList<>();
      for (Edge edge : graph.edges()) {
        edges.add(edge.to().equals("exit") ? Edge.of(edge.from(), "review") : edge);
      }
      edges.add(Edge.of("review", "exit"));
      return graph.withNodes(nodes).withEdges(edges);
    };
    Graph graph = DotParser.parse("test.dot", DOT);

    Graph transformed = Transforms.builtIn().with(addReviewStage).apply(graph);

    assertThat(transformed.outgoing("work")).extracting(Edge::to).containsExactly("review");
    assertThat(transformed.node("review")).isPresent();
    // The linter sees the new stage: its plain edge to the exit is reported.
    assertThat(Linter.builtIn().validate(transformed)).extracting(d -> d.rule() + ":" + d.nodeId().orElseThrow())
        .containsExactly("failure_reaches_exit:review");
  }

  @Test
  void leavesTheInputGraphUnchanged() {
    Graph graph = DotParser.parse("test.dot", DOT);

    Graph transformed = Transforms.builtIn().apply(graph);

    assertThat(graph).isEqualTo(DotParser.parse("test.dot", DOT));
    assertThat(graph.node("work").orElseThrow().prompt()).isEqualTo("Do: $goal");
    assertThat(transformed.node("work").orElseThrow().prompt()).isEqualTo("Do: Ship");
  }

  @Test
  void aTransformReturningNullIsReported() {
    Transform broken = new Transform() {
      @Override
      public Graph apply(Graph graph) {
        return null;
      }

      @Override
      public String toString() {
        return "BrokenTransform";
      }
    };

    assertThatNullPointerException().isThrownBy(() -> Transforms.builtIn().with(broken).apply(DotParser.parse("test.dot", DOT)))
        .withMessage("BrokenTransform returned null");
  }
}
