package dev.darkfactory.pipeline.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every syntax error names the offset of the offending token and says what was expected. */
class ConditionParserErrorsTest {

  private static ConditionSyntaxException error(String expression) {
    return catchThrowableOfType(ConditionSyntaxException.class, () -> ConditionParser.parse(expression));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      outcome==success                 | 7  | '==' is not an operator: use '='
      `outcome=success || outcome=fail` | 16 | `'||' (or) is not supported (attractor-spec.md 10.7): use two edges`
      outcome=success or outcome=fail  | 16 | 'or' (or) is not supported (attractor-spec.md 10.7): use two edges
      outcome=success OR outcome=fail  | 16 | 'OR' (or) is not supported
      `outcome || x`                   | 8  | use two edges
      !context.flag                    | 0  | negation '!' is not supported (attractor-spec.md 10.7)
      not context.flag                 | 0  | negation 'not' is not supported
      outcome ! success                | 8  | expected '!=' but found '!' alone
      context.count<5                  | 13 | '<' is not supported (attractor-spec.md 10.7)
      context.count>5                  | 13 | '>' is not supported
      context.count>=5                 | 13 | '>=' is not supported
      context.tags contains x          | 13 | 'contains' is not supported (attractor-spec.md 10.7)
      context.name matches x.*         | 13 | 'matches' is not supported
      outcome=success &&               | 16 | empty clause: '&&' must be followed by another clause
      `&& outcome=success`             | 0  | empty clause: expected a clause before '&&'
      outcome=success && && x=1        | 19 | empty clause: expected a clause before '&&'
      outcome=                         | 8  | expected a value after '='
      outcome!= && x=1                 | 10 | expected a value after '!='
      outcome=$                        | 8  | expected a value after '=' (a quoted string, an integer, true, false or a bare word such as success), found '$'
      `=success`                       | 0  | expected a key before '='
      `!=success`                      | 0  | expected a key before '!='
      `"outcome"=success`              | 0  | expected a key, found a quoted string
      `5=5`                            | 0  | expected a key (outcome, preferred_label or context.<name>), found '5'
      context.=x                       | 8  | expected a name after 'context.'
      context..x=1                     | 8  | has an empty part
      context.1x=1                     | 8  | has a part starting with a digit
      outcome=success & x=1            | 16 | expected '&&' but found a single '&'
      preferred_label=Fix it           | 20 | found 'it'; a value containing spaces must be quoted
      outcome=success and x=1          | 16 | 'and' is not an operator: join clauses with '&&'
      outcome and x                    | 8  | 'and' is not an operator
      outcome=success=fail             | 15 | unexpected '=' after the value
      context.version=1.5              | 16 | '1.5' is not a valid value
      context.wait=3s                  | 13 | quote it: "3s"
      context.x=-                      | 10 | '-' is not a valid value
      outcome $ x                      | 8  | expected '=', '!=', '&&' or the end of the condition after key 'outcome', found '$'
      outcome=success $                | 16 | expected '&&' or the end of the condition, found '$'
      `"`                              | 0  | expected a key, found a quoted string
      """)
  void reportsOffsetAndWhatWasExpected(String expression, int offset, String message) {
    ConditionSyntaxException error = error(expression);

    assertThat(error).as(expression).isNotNull();
    assertThat(error.offset()).as(expression).isEqualTo(offset);
    assertThat(error.problem()).as(expression).contains(message);
  }

  @Test
  void unterminatedStringPointsAtTheOpeningQuote() {
    ConditionSyntaxException error = error("preferred_label=\"Fix");

    assertThat(error.offset()).isEqualTo(16);
    assertThat(error.problem()).isEqualTo("unterminated string: add a closing '\"'");
  }

  @Test
  void backslashAtTheEndLeavesTheStringUnterminated() {
    assertThat(error("context.a=\"x\\").problem()).startsWith("unterminated string");
  }

  @Test
  void unknownEscapeIsAnError() {
    ConditionSyntaxException error = error("context.a=\"x\\qy\"");

    assertThat(error.offset()).isEqualTo(12);
    assertThat(error.problem()).contains("unknown escape '\\q'");
  }

  @Test
  void messageNamesTheExpressionAndOffset() {
    ConditionSyntaxException error = error("outcome==success");

    assertThat(error).isInstanceOf(PipelineException.class);
    assertThat(error.expression()).isEqualTo("outcome==success");
    assertThat(error.getMessage())
        .startsWith("invalid condition \"outcome==success\" at offset 7: '==' is not an operator: use '='");
  }
}
