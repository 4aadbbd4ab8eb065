package dev.darkfactory.pipeline.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionEvaluatorTest {

  private static boolean eval(String condition, String outcome, String preferredLabel, Map<String, String> context) {
    return ConditionEvaluator.evaluate(ConditionParser.parse(condition), ConditionInputs.of(outcome, preferredLabel, context));
  }

  private static boolean eval(String condition, String outcome) {
    return eval(condition, outcome, "", Map.of());
  }

  private static boolean eval(String condition, Map<String, String> context) {
    return eval(condition, "success", "", context);
  }

  /** attractor-spec.md 11.9, item by item. */
  @Nested
  class DefinitionOfDone {

    @Test
    void equalsComparesStrings() {
      assertThat(eval("outcome=success", "success")).isTrue();
      assertThat(eval("outcome=success", "fail")).isFalse();
    }

    @Test
    void notEqualsWorks() {
      assertThat(eval("outcome!=success", "fail")).isTrue();
      assertThat(eval("outcome!=success", "success")).isFalse();
    }

    @Test
    void andRequiresEveryClause() {
      Map<String, String> context = Map.of("context.a", "1", "context.b", "2");

      assertThat(eval("context.a=1 && context.b=2", context)).isTrue();
      assertThat(eval("context.a=1 && context.b=3", context)).isFalse();
      assertThat(eval("context.a=0 && context.b=2", context)).isFalse();
      assertThat(eval("context.a=1 && context.b=2 && outcome=success", context)).isTrue();
    }

    @Test
    void outcomeResolvesToTheNodesStatus() {
      for (String status : OutcomeValues.ALL) {
        assertThat(eval("outcome=" + status, status)).as(status).isTrue();
      }
    }

    @Test
    void preferredLabelResolvesToTheOutcomesLabel() {
      assertThat(eval("preferred_label=Fix", "success", "Fix", Map.of())).isTrue();
      assertThat(eval("preferred_label=Fix", "success", "Approve", Map.of())).isFalse();
    }

    @Test
    void contextKeysResolveAndMissingKeysAreEmpty() {
      assertThat(eval("context.tests_passed=true", Map.of("context.tests_passed", "true"))).isTrue();
      assertThat(eval("context.missing=\"\"", Map.of())).isTrue();
      assertThat(eval("context.missing=x", Map.of())).isFalse();
      assertThat(eval("context.missing!=x", Map.of())).isTrue();
    }

    @Test
    void emptyConditionIsAlwaysTrue() {
      assertThat(eval("", "fail")).isTrue();
      assertThat(ConditionEvaluator.evaluate(Condition.ALWAYS, ConditionInputs.of("fail", "", Map.of()))).isTrue();
    }
  }

  /** attractor-spec.md 10.6, each example both ways. */
  @Nested
  class SpecExamples {

    @Test
    void routeOnSuccess() {
      assertThat(eval("outcome=success", "success")).isTrue();
      assertThat(eval("outcome=success", "partial_success")).isFalse();
    }

    @Test
    void routeOnFailure() {
      assertThat(eval("outcome=fail", "fail")).isTrue();
      assertThat(eval("outcome=fail", "retry")).isFalse();
    }

    @Test
    void routeOnSuccessAndAContextFlag() {
      String condition = "outcome=success && context.tests_passed=true";

      assertThat(eval(condition, "success", "", Map.of("context.tests_passed", "true"))).isTrue();
      assertThat(eval(condition, "success", "", Map.of("context.tests_passed", "false"))).isFalse();
      assertThat(eval(condition, "fail", "", Map.of("context.tests_passed", "true"))).isFalse();
    }

    @Test
    void routeWhenAContextValueIsNotASpecificValue() {
      String condition = "context.loop_state!=exhausted";

      assertThat(eval(condition, Map.of("context.loop_state", "running"))).isTrue();
      assertThat(eval(condition, Map.of())).isTrue();
      assertThat(eval(condition, Map.of("context.loop_state", "exhausted"))).isFalse();
    }

    @Test
    void routeOnPreferredLabel() {
      assertThat(eval("preferred_label=Fix", "success", "Fix", Map.of())).isTrue();
      assertThat(eval("preferred_label=Fix", "success", "", Map.of())).isFalse();
    }
  }

  /** attractor-spec.md 10.3 and 10.4. */
  @Nested
  class Resolution {

    @Test
    void qualifiedKeyPrefersTheFullKey() {
      Map<String, String> context = Map.of("context.mode", "full", "mode", "short");

      assertThat(eval("context.mode=full", context)).isTrue();
    }

    @Test
    void qualifiedKeyFallsBackToTheKeyWithoutPrefix() {
      assertThat(eval("context.tests_passed=true", Map.of("tests_passed", "true"))).isTrue();
      assertThat(eval("context.human.gate.selected=A", Map.of("human.gate.selected", "A"))).isTrue();
    }

    @Test
    void unqualifiedKeyReadsTheContextDirectly() {
      assertThat(eval("tests_passed=true", Map.of("tests_passed", "true"))).isTrue();
      assertThat(eval("tests_passed=true", Map.of("context.tests_passed", "true"))).isFalse();
    }

    @Test
    void comparisonIsExactAndCaseSensitive() {
      assertThat(eval("outcome=Success", "success")).isFalse();
      assertThat(eval("preferred_label=fix", "success", "Fix", Map.of())).isFalse();
      assertThat(eval("context.x=a", Map.of("context.x", " a"))).isFalse();
    }

    @Test
    void literalsCompareAsTheirText() {
      Map<String, String> context = Map.of("context.count", "3", "context.flag", "true");

      assertThat(eval("context.count=3", context)).isTrue();
      assertThat(eval("context.count=\"3\"", context)).isTrue();
      assertThat(eval("context.count=03", context)).isFalse();
      assertThat(eval("context.flag=true", context)).isTrue();
      assertThat(eval("context.flag=\"true\"", context)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {"yes, true", "true, true", "0, true", "'', false", "false, false", "NONE, false"})
    void bareKeyIsTruthyWhenNonEmptyAndNotFalse(String value, boolean expected) {
      Map<String, String> context = value == null ? Map.of() : Map.of("context.flag", value);

      assertThat(eval("context.flag", context)).isEqualTo(expected);
    }
  }

  @Nested
  class Explain {

    @Test
    void recordsEveryClauseWithResolvedValueLiteralAndResult() {
      Condition condition = ConditionParser.parse("outcome=success && context.tests_passed=true && context.ready");
      ConditionTrace trace = ConditionEvaluator.explain(condition,
          ConditionInputs.of("fail", "", Map.of("context.tests_passed", "true")));

      assertThat(trace.result()).isFalse();
      assertThat(trace.clauses()).extracting(ClauseTrace::resolved).containsExactly("fail", "true", "");
      assertThat(trace.clauses()).extracting(ClauseTrace::result).containsExactly(false, true, false);
      assertThat(trace.clauses().get(0).literal()).contains("success");
      assertThat(trace.clauses().get(2).literal()).isEmpty();
      assertThat(trace.describe()).isEqualTo("outcome (\"fail\") = success -> false; "
          + "context.tests_passed (\"true\") = true -> true; context.ready (\"\") is truthy -> false => false");
    }

    @Test
    void agreesWithEvaluate() {
      Condition condition = ConditionParser.parse("outcome!=fail && preferred_label=\"Ship it\"");
      ConditionInputs inputs = ConditionInputs.of("success", "Ship it", Map.of());

      assertThat(ConditionEvaluator.explain(condition, inputs).result())
          .isEqualTo(ConditionEvaluator.evaluate(condition, inputs))
          .isTrue();
    }

    @Test
    void emptyConditionExplainsAsAlways() {
      ConditionTrace trace = ConditionEvaluator.explain(Condition.ALWAYS, ConditionInputs.of("fail", "", Map.of()));

      assertThat(trace.result()).isTrue();
      assertThat(trace.describe()).isEqualTo("(always) -> true");
    }
  }
}
