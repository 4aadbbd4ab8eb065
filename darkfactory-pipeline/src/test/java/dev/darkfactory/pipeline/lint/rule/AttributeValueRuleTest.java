package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeValueRuleTest {
  private final AttributeValueRule rule = new AttributeValueRule();

  @Test
  void acceptsAllowedValues() {
    assertThat(run(rule, """
        digraph G {
          graph [reasoning_effort=low, default_retry_policy=standard]
          a [reasoning_effort=medium, join_policy=first_success, shape=component]
          b [join_policy=wait_all, manager.actions="observe, steer,wait", retry_policy=patient, reasoning_effort=""]
        }
        """)).isEmpty();
  }

  @Test
  void reasoningEffortOutsideLowMediumHighIsAWarning() {
    Diagnostic d = run(rule, "digraph G {\n  a [reasoning_effort=hihg]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("attribute_value");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("node a sets reasoning_effort='hihg', which is not one of low, medium, high"
        + " (did you mean 'high'?)");
    assertThat(d.nodeId()).contains("a");
    assertThat(d.fix()).contains("write high instead of hihg");
    assertThat(d.position()).isEqualTo(at(2, 23));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      reasoning_effort=extreme           | the graph sets reasoning_effort='extreme', which is not one of low, medium, high
      a [join_policy=all]                | node a sets join_policy='all', which is not one of wait_all, first_success
      a [join_policy=first]              | node a sets join_policy='first', which is not one of wait_all, first_success
      a [manager.actions="observe,stear"] | node a sets manager.actions='observe,stear', where 'stear' is not one of observe, steer, wait (did you mean 'steer'?)
      a [retry_policy=agressive]         | node a sets retry_policy='agressive', which is not one of none, standard, aggressive, linear, patient (did you mean 'aggressive'?)
      """)
  void reportsValuesOutsideTheirSet(String statement, String message) {
    assertThat(run(rule, "digraph G { " + statement + " }")).singleElement().extracting(Diagnostic::message).asString()
        .startsWith(message);
  }

  @Test
  void misplacedKeysAreLeftToUnknownAttribute() {
    assertThat(run(rule, "digraph G { join_policy=all  shape=hexgon  a -> b [reasoning_effort=max] }")).isEmpty();
  }

  @Test
  void shapeOneTypoAwayFromTheTableIsAWarning() {
    Diagnostic d = run(rule, "digraph G { gate [shape=hexgon] }").getFirst();

    assertThat(d.message()).isEqualTo("node gate sets shape='hexgon', which is not in the shape table (attractor-spec.md 2.8),"
        + " so it runs as an LLM stage (codergen) (did you mean 'hexagon'?); 'hexagon' runs as wait.human");
    assertThat(d.fix()).contains("write shape=hexagon");
  }

  @Test
  void wrongCaseShapeIsAWarning() {
    assertThat(run(rule, "digraph G { s [shape=mdiamond] }")).singleElement().extracting(Diagnostic::fix)
        .isEqualTo(java.util.Optional.of("write shape=Mdiamond"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ellipse", "square", "box3d", "circle", "octagon", "note", "cylinder"})
  void graphvizShapesAreDrawingsNotTypos(String shape) {
    assertThat(run(rule, "digraph G { a [shape=" + shape + "] }")).isEmpty();
  }
}
