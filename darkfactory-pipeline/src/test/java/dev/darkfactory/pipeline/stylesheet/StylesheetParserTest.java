package dev.darkfactory.pipeline.stylesheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StylesheetParserTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "\n\t\n"})
  void blankTextIsTheEmptyStylesheet(String text) {
    assertThat(StylesheetParser.parse(text).isEmpty()).isTrue();
  }

  @Test
  void parsesEverySelectorKindWithItsSpecificity() {
    Stylesheet stylesheet = StylesheetParser.parse(
        "* { llm_model: a } box { llm_model: b } .fast-2 { llm_model: c } #review { llm_model: d }");

    assertThat(stylesheet.rules()).extracting(Rule::selector).containsExactly(
        new Selector.Universal(), new Selector.ShapeName("box"), new Selector.ClassName("fast-2"), new Selector.NodeId("review"));
    assertThat(stylesheet.rules()).extracting(r -> r.selector().specificity()).containsExactly(0, 1, 2, 3);
    assertThat(stylesheet.rules()).extracting(r -> r.selector().text()).containsExactly("*", "box", ".fast-2", "#review");
  }

  @Test
  void parsesDeclarationsWithOffsets() {
    Rule rule = StylesheetParser.parse("#review { llm_model: gpt-5.2; reasoning_effort: \"high\" }").rules().getFirst();

    assertThat(rule.offset()).isZero();
    assertThat(rule.declarations()).containsExactly(
        new Declaration(StyleProperty.LLM_MODEL, "gpt-5.2", 10, 21),
        new Declaration(StyleProperty.REASONING_EFFORT, "high", 30, 48));
  }

  @Test
  void semicolonAfterTheLastDeclarationIsOptional() {
    Stylesheet with = StylesheetParser.parse("* { llm_model: a; llm_provider: b; }");
    Stylesheet without = StylesheetParser.parse("* { llm_model: a; llm_provider: b }");

    assertThat(with.rules().getFirst().declarations()).isEqualTo(without.rules().getFirst().declarations());
    assertThat(with.rules().getFirst().declarations()).extracting(Declaration::value).containsExactly("a", "b");
  }

  @Test
  void acceptsMultiLineText() {
    Stylesheet stylesheet = StylesheetParser.parse("""

            * { llm_model: claude-sonnet-4-5; llm_provider: anthropic; }
            .code {
                llm_model: claude-opus-4-6;
                llm_provider: anthropic;
            }
        """);

    assertThat(stylesheet.rules()).hasSize(2);
    assertThat(stylesheet.rules().get(1).declarations()).extracting(Declaration::value)
        .containsExactly("claude-opus-4-6", "anthropic");
  }

  @Test
  void quotedValuesMayHoldAnyTextAndEscapes() {
    Rule rule = StylesheetParser.parse("* { llm_model: \"openrouter/anthropic/claude 4\\\"x\\\"\" }").rules().getFirst();

    assertThat(rule.declarations().getFirst().value()).isEqualTo("openrouter/anthropic/claude 4\"x\"");
  }

  @Test
  void bareValuesUseTheBareValueCharset() {
    List<String> values = StylesheetParser.parse("* { llm_model: a_b.c:d-e }").rules().getFirst().declarations().stream()
        .map(Declaration::value).toList();

    assertThat(values).containsExactly("a_b.c:d-e");
  }

  @Test
  void reasoningEffortAcceptsLowMediumHigh() {
    for (String effort : List.of("low", "medium", "high")) {
      assertThat(StylesheetParser.parse("* { reasoning_effort: " + effort + " }").rules()).hasSize(1);
    }
  }

  @Test
  void keepsTheSourceText() {
    String text = "* { llm_model: a }";

    assertThat(StylesheetParser.parse(text).source()).isEqualTo(text);
  }
}
