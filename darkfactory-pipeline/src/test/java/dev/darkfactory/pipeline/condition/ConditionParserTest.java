package dev.darkfactory.pipeline.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.condition.Clause.Comparison;
import dev.darkfactory.pipeline.condition.Clause.Truthiness;
import dev.darkfactory.pipeline.condition.ConditionKey.ContextValue;
import dev.darkfactory.pipeline.condition.ConditionKey.OutcomeStatus;
import dev.darkfactory.pipeline.condition.ConditionKey.PreferredLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n "})
  void emptyOrBlankConditionHasNoClauses(String text) {
    Condition condition = ConditionParser.parse(text);

    assertThat(condition.isAlways()).isTrue();
    assertThat(condition.clauses()).isEmpty();
  }

  @Test
  void parsesOutcomeEquality() {
    Condition condition = ConditionParser.parse("outcome=success");

    assertThat(condition.clauses()).containsExactly(
        new Comparison(new OutcomeStatus(), Operator.EQUALS, new Literal.Bare("success"), 0, 8));
  }

  @Test
  void parsesNotEqualsWithWhitespaceAroundTokens() {
    Condition condition = ConditionParser.parse("  outcome  !=  fail  ");

    assertThat(condition.clauses()).containsExactly(
        new Comparison(new OutcomeStatus(), Operator.NOT_EQUALS, new Literal.Bare("fail"), 2, 15));
  }

  @Test
  void parsesPreferredLabel() {
    Clause clause = ConditionParser.parse("preferred_label=Fix").clauses().getFirst();

    assertThat(clause.key()).isEqualTo(new PreferredLabel());
  }

  @Test
  void parsesQualifiedContextKeyWithDottedPath() {
    Clause clause = ConditionParser.parse("context.review.status=approved").clauses().getFirst();

    assertThat(clause.key()).isEqualTo(new ContextValue("review.status", true));
    assertThat(clause.key().text()).isEqualTo("context.review.status");
  }

  @Test
  void parsesUnqualifiedKeyAsDirectContextLookup() {
    Clause clause = ConditionParser.parse("tests_passed=true").clauses().getFirst();

    assertThat(clause.key()).isEqualTo(new ContextValue("tests_passed", false));
    assertThat(clause.key().text()).isEqualTo("tests_passed");
  }

  @Test
  void parsesEveryLiteralKind() {
    Condition condition = ConditionParser.parse(
        "context.a=\"two words\" && context.b=-42 && context.c=true && context.d=false && context.e=gpt-5.2:beta_1");

    assertThat(condition.clauses()).extracting(c -> ((Comparison) c).literal()).containsExactly(
        new Literal.Text("two words"), new Literal.Number("-42"), new Literal.Bool(true), new Literal.Bool(false),
        new Literal.Bare("gpt-5.2:beta_1"));
  }

  @Test
  void decodesStringEscapes() {
    Comparison clause = (Comparison) ConditionParser.parse("context.a=\"say \\\"hi\\\" \\\\ \\n\\t\"").clauses().getFirst();

    assertThat(clause.literal().value()).isEqualTo("say \"hi\" \\ \n\t");
  }

  @Test
  void emptyQuotedStringIsALiteral() {
    Comparison clause = (Comparison) ConditionParser.parse("preferred_label=\"\"").clauses().getFirst();

    assertThat(clause.literal()).isEqualTo(new Literal.Text(""));
  }

  @Test
  void bareKeyIsATruthinessTest() {
    Condition condition = ConditionParser.parse("context.ready && outcome=success");

    assertThat(condition.clauses().getFirst()).isEqualTo(new Truthiness(new ContextValue("ready", true), 0));
    assertThat(condition.clauses().get(1)).isInstanceOf(Comparison.class);
  }

  @Test
  void clausesKeepTheirOffsets() {
    Condition condition = ConditionParser.parse("outcome=success && context.tests_passed=true");

    assertThat(condition.clauses()).extracting(Clause::offset).containsExactly(0, 19);
    assertThat(((Comparison) condition.clauses().get(1)).literalOffset()).isEqualTo(40);
  }

  @Test
  void clausesNeedNoSpacesAroundAnd() {
    assertThat(ConditionParser.parse("outcome=success&&context.x=1").clauses()).hasSize(2);
  }

  @Test
  void describeGivesCanonicalText() {
    Condition condition = ConditionParser.parse(" outcome = success &&context.msg!=\"a \\\"b\\\"\" && flag ");

    assertThat(condition.describe()).isEqualTo("outcome=success && context.msg!=\"a \\\"b\\\"\" && flag");
    assertThat(condition.source()).isEqualTo(" outcome = success &&context.msg!=\"a \\\"b\\\"\" && flag ");
  }
}
