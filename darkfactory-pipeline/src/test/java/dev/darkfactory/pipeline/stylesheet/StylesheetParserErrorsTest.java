package dev.darkfactory.pipeline.stylesheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.problem.StylesheetSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error names the offset of the offending token and says what was expected. */
class StylesheetParserErrorsTest {

  private static StylesheetSyntaxException error(String text) {
    return catchThrowableOfType(StylesheetSyntaxException.class, () -> StylesheetParser.parse(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `* { model: x }`                     | 4  | unknown property 'model' (did you mean llm_model?): a stylesheet sets only llm_model, llm_provider and reasoning_effort (attractor-spec.md 8.4)
      `* { llm_modle: x }`                 | 4  | unknown property 'llm_modle' (did you mean llm_model?)
      `* { llm-provider: x }`              | 4  | unknown property 'llm-provider' (did you mean llm_provider?)
      `* { temperature: 1 }`               | 4  | unknown property 'temperature': a stylesheet sets only
      `* { reasoning_effort: hihg }`       | 22 | reasoning_effort must be one of low, medium, high, found 'hihg' (did you mean high?)
      `* { reasoning_effort: "extreme" }`  | 22 | reasoning_effort must be one of low, medium, high, found 'extreme'
      `* { reasoning_effort: HIGH }`       | 22 | (did you mean high?)
      `* llm_model: x }`                   | 2  | expected '{' after the selector '*', found 'l'
      `box.fast { llm_model: x }`          | 3  | combined and grouped selectors are not supported
      `box, ellipse { llm_model: x }`      | 3  | write one rule per selector
      `* { llm_model: x`                   | 16 | expected '}' to close the rule for '*' opened at offset 2
      `* { llm_model: x llm_provider: y }` | 17 | expected ';' or '}' after the value of llm_model, found 'l'
      `* { llm_model x }`                  | 14 | expected ':' after the property llm_model, found 'x'
      `* { llm_model = x }`                | 14 | found '='  (declarations are written property: value)
      `* { llm_model: }`                   | 15 | expected a value after 'llm_model:', found '}'
      `* { llm_model: ; }`                 | 15 | expected a value after 'llm_model:', found ';'
      `* { llm_model: "" }`                | 15 | empty value for llm_model
      `* { llm_model: 4o }`                | 15 | '4o' must be quoted
      `* { llm_model: openai/gpt-5 }`      | 15 | write "openai/gpt-5"
      `* { }`                              | 4  | empty rule for '*'
      `* { llm_model: a;; }`               | 17 | expected a property (llm_model, llm_provider and reasoning_effort), found ';'
      `{ llm_model: a }`                   | 0  | expected a selector (*, a shape name such as box, .class or #node_id), found '{'
      `# { llm_model: a }`                 | 1  | expected a node ID after '#', found ' '
      `. { llm_model: a }`                 | 1  | expected a class name after '.', found ' '
      `.Fast_Model { llm_model: a }`       | 1  | class names are lowercase letters, digits and hyphens ([a-z0-9-]+, attractor-spec.md 8.2): write .fast-model
      `.fast_model { llm_model: a }`       | 5  | write .fast-model
      `* { llm_model: "abc }`              | 15 | unterminated string
      `* { llm_model: "a\\qb" }`           | 17 | unknown escape '\\q'
      `* { llm_model: a } }`               | 19 | expected a selector
      """)
  void reportsOffsetAndWhatWasExpected(String text, int offset, String message) {
    StylesheetSyntaxException error = error(text);

    assertThat(error).as(text).isNotNull();
    assertThat(error.problem()).as(text).contains(message.replace("  ", " "));
    assertThat(error.offset()).as(text).isEqualTo(offset);
  }

  @Test
  void errorsInMultiLineTextPointIntoTheRightLine() {
    String text = "* { llm_model: a; }\n.code {\n  llm_provder: anthropic;\n}";
    StylesheetSyntaxException error = error(text);

    assertThat(text.substring(error.offset())).startsWith("llm_provder");
    assertThat(error.problem()).contains("did you mean llm_provider?");
  }

  @Test
  void exceptionIsAPipelineExceptionWithTheStylesheet() {
    StylesheetSyntaxException error = error("* { model: x }");

    assertThat(error).isInstanceOf(PipelineException.class);
    assertThat(error.stylesheet()).isEqualTo("* { model: x }");
    assertThat(error.getMessage()).startsWith("invalid model_stylesheet at offset 4: unknown property 'model'");
  }
}
