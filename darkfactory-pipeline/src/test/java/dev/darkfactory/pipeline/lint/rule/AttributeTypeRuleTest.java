package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributeTypeRuleTest {
  private final AttributeTypeRule rule = new AttributeTypeRule();

  @Test
  void acceptsValuesOfTheDeclaredTypesQuotedOrNot() {
    assertThat(run(rule, """
        digraph G {
          graph [default_max_retries=2, max_visits="10", timeout="2h", max_cost_usd=1.5]
          a [max_retries=3, goal_gate=true, timeout="900s", auto_status="false", max_parallel=1, max_visits=0]
          a -> b [weight=-5, loop_restart=false]
        }
        """)).isEmpty();
  }

  @Test
  void textForAnIntegerIsAnError() {
    Diagnostic d = run(rule, "digraph G {\n  a [max_retries=\"three\"]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("attribute_type");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message()).isEqualTo("node a sets max_retries='three', which is not an integer");
    assertThat(d.nodeId()).contains("a");
    assertThat(d.fix()).contains("write max_retries=<integer>, as in max_retries=3");
    assertThat(d.position()).isEqualTo(at(2, 18));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a [goal_gate=yes]           | node a sets goal_gate='yes', which is not true or false | write goal_gate=true or goal_gate=false
      a [timeout=soon]            | node a sets timeout='soon', which is not a duration such as 250ms, 900s, 15m, 2h or 1d | write timeout=<duration>, as in timeout=900s (units: ms, s, m, h, d)
      a [timeout=900]             | node a sets timeout='900', which is not a duration | add a unit: timeout=900s (units: ms, s, m, h, d)
      a [max_retries=-1]          | node a sets max_retries=-1, which must be at least 0 | write max_retries=0 or a larger value
      a [max_parallel=0]          | node a sets max_parallel=0, which must be at least 1 | write max_parallel=1 or more
      a [max_visits=-3]           | node a sets max_visits=-3, which must be at least 0 | write max_visits=0 or a larger value
      a [timeout=-5s]             | node a sets timeout=-5s, which must be at least 0 | write timeout=900s or a larger value
      a -> b [weight=heavy]       | edge a -> b sets weight='heavy', which is not an integer | write weight=<integer>, as in weight=3
      max_cost_usd=lots           | the graph sets max_cost_usd='lots', which is not a number | write max_cost_usd=<number>, as in max_cost_usd=0.5
      default_max_retries=-2      | the graph sets default_max_retries=-2, which must be at least 0 | write default_max_retries=0 or a larger value
      max_tokens=-5               | the graph sets max_tokens=-5: max_tokens must be a whole number of tokens greater than 0, such as 50000, not -5 | write max_tokens=50000 or another positive number, or remove it
      max_tokens=0                | the graph sets max_tokens=0: max_tokens must be a whole number of tokens greater than 0 | write max_tokens=50000 or another positive number, or remove it
      max_cost_usd=-1             | the graph sets max_cost_usd=-1: max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not -1 | write max_cost_usd=5 or another positive number, or remove it
      max_cost_usd=0.0            | the graph sets max_cost_usd=0.0: max_cost_usd must be a number of US dollars greater than 0 | write max_cost_usd=5 or another positive number, or remove it
      """)
  void reportsWrongTypesAndNegativeCounts(String statement, String message, String fix) {
    Diagnostic d = run(rule, "digraph G { " + statement + " }").getFirst();

    assertThat(d.message()).startsWith(message);
    assertThat(d.fix()).contains(fix);
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void unknownAttributesAreNotTypeChecked() {
    assertThat(run(rule, "digraph G { a [my_retries=three] }")).isEmpty();
  }
}
