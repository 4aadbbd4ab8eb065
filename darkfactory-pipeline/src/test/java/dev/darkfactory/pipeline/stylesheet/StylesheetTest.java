package dev.darkfactory.pipeline.stylesheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolution by specificity and order (attractor-spec.md 8.3). */
class StylesheetTest {

  private static Map<StyleProperty, String> resolve(String stylesheet, Node node) {
    Map<StyleProperty, String> values = new EnumMap<>(StyleProperty.class);
    StylesheetParser.parse(stylesheet).resolve(node).forEach((property, declaration) -> values.put(property, declaration.value()));
    return values;
  }

  private static Node node(String id, String... attributes) {
    return Node.of(id, Attributes.ofStrings(attributes));
  }

  @Test
  void universalSelectorMatchesEveryNode() {
    assertThat(resolve("* { llm_model: m }", node("a"))).containsEntry(StyleProperty.LLM_MODEL, "m");
  }

  @Test
  void shapeSelectorMatchesTheShapeIncludingTheDefaultBox() {
    String sheet = "box { llm_model: boxed } hexagon { llm_model: human }";

    assertThat(resolve(sheet, node("a"))).containsEntry(StyleProperty.LLM_MODEL, "boxed");
    assertThat(resolve(sheet, node("b", "shape", "hexagon"))).containsEntry(StyleProperty.LLM_MODEL, "human");
    assertThat(resolve(sheet, node("c", "shape", "diamond"))).isEmpty();
  }

  @Test
  void classSelectorMatchesAnyOfTheNodesClasses() {
    String sheet = ".fast { llm_model: gemini-3-flash-preview }";

    assertThat(resolve(sheet, node("a", "class", "code, fast"))).containsEntry(StyleProperty.LLM_MODEL, "gemini-3-flash-preview");
    assertThat(resolve(sheet, node("b", "class", "slow"))).isEmpty();
  }

  @Test
  void classSelectorMatchesClassesDerivedFromSubgraphLabels() {
    Graph graph = DotParser.parse("test.dot", """
        digraph G {
          subgraph cluster_loop {
            label = "Loop A"
            plan [prompt="p"]
          }
        }
        """);

    assertThat(resolve(".loop-a { llm_model: looped }", graph.node("plan").orElseThrow()))
        .containsEntry(StyleProperty.LLM_MODEL, "looped");
  }

  @Test
  void idSelectorMatchesOnlyThatNode() {
    String sheet = "#review { reasoning_effort: high }";

    assertThat(resolve(sheet, node("review"))).containsEntry(StyleProperty.REASONING_EFFORT, "high");
    assertThat(resolve(sheet, node("reviewer"))).isEmpty();
  }

  @Test
  void specificityOrderIsUniversalShapeClassId() {
    String sheet = """
        #n { llm_model: by-id }
        .c { llm_model: by-class; llm_provider: class-provider }
        box { llm_model: by-shape; llm_provider: shape-provider; reasoning_effort: low }
        * { llm_model: any; llm_provider: any; reasoning_effort: medium }
        """;

    Map<StyleProperty, String> n = resolve(sheet, node("n", "class", "c"));
    assertThat(n).containsEntry(StyleProperty.LLM_MODEL, "by-id")
        .containsEntry(StyleProperty.LLM_PROVIDER, "class-provider")
        .containsEntry(StyleProperty.REASONING_EFFORT, "low");
    assertThat(resolve(sheet, node("m", "class", "c"))).containsEntry(StyleProperty.LLM_MODEL, "by-class");
    assertThat(resolve(sheet, node("m"))).containsEntry(StyleProperty.LLM_MODEL, "by-shape");
    assertThat(resolve(sheet, node("m", "shape", "hexagon"))).containsEntry(StyleProperty.LLM_MODEL, "any")
        .containsEntry(StyleProperty.REASONING_EFFORT, "medium");
  }

  @Test
  void laterRuleWinsAtEqualSpecificity() {
    String sheet = ".a { llm_model: first } .b { llm_model: second }";

    assertThat(resolve(sheet, node("n", "class", "a,b"))).containsEntry(StyleProperty.LLM_MODEL, "second");
    assertThat(resolve(sheet, node("n", "class", "b,a"))).containsEntry(StyleProperty.LLM_MODEL, "second");
  }

  @Test
  void laterDeclarationInOneRuleWins() {
    assertThat(resolve("* { llm_model: a; llm_model: b }", node("n"))).containsEntry(StyleProperty.LLM_MODEL, "b");
  }

  @Test
  void resolveReturnsTheWinningDeclaration() {
    Stylesheet stylesheet = StylesheetParser.parse("* { llm_model: a } #n { llm_model: b }");

    assertThat(stylesheet.resolve(node("n")).get(StyleProperty.LLM_MODEL))
        .isSameAs(stylesheet.rules().get(1).declarations().getFirst());
  }

  @Test
  void emptyStylesheetResolvesNothing() {
    assertThat(Stylesheet.EMPTY.resolve(node("n"))).isEmpty();
  }
}
