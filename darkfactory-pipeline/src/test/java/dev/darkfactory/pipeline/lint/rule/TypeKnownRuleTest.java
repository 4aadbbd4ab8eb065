package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.parse;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeKnownRuleTest {
  private final TypeKnownRule rule = new TypeKnownRule();

  @Test
  void acceptsBuiltInTypesAndNodesWithoutType() {
    assertThat(run(rule, "digraph G { a [type=\"wait.human\"] b [type=tool] c [type=\"\"] d }")).isEmpty();
  }

  @Test
  void unknownTypeIsAWarningWithASuggestion() {
    Diagnostic d = run(rule, "digraph G {\n  review [type=\"wait.humna\"]\n}").getFirst();

    assertThat(d.rule()).isEqualTo("type_known");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("node review has type 'wait.humna', which no handler is registered for"
        + " (did you mean 'wait.human'?); it would run as 'codergen'");
    assertThat(d.nodeId()).contains("review");
    assertThat(d.fix()).contains("write type=\"wait.human\"");
    assertThat(d.position()).isEqualTo(at(2, 16));
  }

  @Test
  void namesTheHandlerTheShapeFallsBackTo() {
    Diagnostic d = run(rule, "digraph G { gate [shape=hexagon, type=approval] }").getFirst();

    assertThat(d.message()).endsWith("it would run as 'wait.human'");
    assertThat(d.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("use a registered type (codergen, conditional,")
        .endsWith("or register a handler for 'approval'"));
  }

  @Test
  void acceptsCustomTypesRegisteredInTheContext() {
    Set<String> types = new HashSet<>(HandlerTypes.builtIn());
    types.add("my_custom_type");

    assertThat(rule.apply(parse("digraph G { a [type=my_custom_type] }"), new LintContext(types))).isEmpty();
  }
}
