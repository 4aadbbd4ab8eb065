package dev.darkfactory.pipeline.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.problem.ValidationException;
import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterTest {

  private static Graph parse(String dot) {
    return DotParser.parse("test.dot", dot);
  }

  private static final String VALID = """
      digraph G {
        start [shape=Mdiamond]
        exit [shape=Msquare]
        work [prompt="Do the work"]
        start -> work
        work -> exit [condition="outcome=success"]
      }
      """;

  @Test
  void builtInRulesAreThoseOfTheSpecThenOurs() {
    assertThat(Linter.builtIn().rules()).extracting(LintRule::name).containsExactly(
        "start_node", "terminal_node", "reachability", "edge_target_exists", "start_no_incoming", "exit_no_outgoing",
        "condition_syntax", "stylesheet_syntax", "type_known", "fidelity_valid", "retry_target_exists",
        "goal_gate_has_retry", "prompt_on_llm_nodes",
        "unknown_attribute", "attribute_type", "attribute_value", "outcome_value", "manager_child_dotfile",
        "human_gate_choices", "human_default_choice", "unbounded_loop", "success_dead_end", "failure_reaches_exit", "pass_env");
  }

  @Test
  void validPipelineHasNoDiagnostics() {
    assertThat(Linter.builtIn().validate(parse(VALID))).isEmpty();
  }

  @Test
  void diagnosticsAreSortedByPositionThenRule() {
    List<Diagnostic> diagnostics = Linter.builtIn().validate(parse("""
        digraph G {
          start [shape=Mdiamond]
          exit [shape=Msquare]
          start -> work -> exit
          orphan [model="x"]
          work -> exit [condition="outcome=succeeded"]
        }
        """));

    assertThat(diagnostics).extracting(d -> d.position().line() + ":" + d.rule()).containsExactly(
        "4:failure_reaches_exit", "4:prompt_on_llm_nodes", "5:prompt_on_llm_nodes", "5:reachability", "5:unknown_attribute", "6:outcome_value");
    assertThat(diagnostics).isSortedAccordingTo((a, b) -> Integer.compare(a.position().line(), b.position().line()));
  }

  @Test
  void validateOrRaiseThrowsOnAnyError() {
    ValidationException error = catchThrowableOfType(ValidationException.class,
        () -> Linter.builtIn().validateOrRaise(parse("digraph G {\n  a -> b\n}")));

    assertThat(error.errors()).extracting(Diagnostic::rule).containsExactly("start_node", "terminal_node");
    assertThat(error.diagnostics()).extracting(Diagnostic::rule).contains("prompt_on_llm_nodes");
    assertThat(error.getMessage()).startsWith("the pipeline has 2 errors:\n  test.dot:1:1: error[start_node]: the pipeline has"
        + " no start node");
  }

  @Test
  void validateOrRaiseReturnsWarningsWhenThereIsNoError() {
    List<Diagnostic> diagnostics = Linter.builtIn().validateOrRaise(parse(VALID.replace("[prompt=\"Do the work\"]", "")));

    assertThat(diagnostics).extracting(Diagnostic::rule).containsExactly("prompt_on_llm_nodes");
    assertThat(diagnostics).allMatch(d -> d.severity() == Severity.WARNING);
  }

  @Test
  void customRulesAreAppendedAfterTheBuiltIns() {
    LintRule noTodo = new LintRule() {
      @Override
      public String name() {
        return "no_todo";
      }

      @Override
      public List<Diagnostic> apply(Graph graph, LintContext context) {
        return graph.nodes().stream()
            .filter(n -> n.prompt().contains("TODO"))
            .map(n -> Diagnostic.error(name(), "node " + n.id() + " has a TODO in its prompt").node(n.id()).at(n.position()).build())
            .toList();
      }
    };
    Linter linter = Linter.builtIn().withRule(noTodo);

    assertThat(linter.rules().getLast()).isSameAs(noTodo);
    assertThat(linter.rules()).hasSize(Linter.builtIn().rules().size() + 1);
    assertThat(linter.validate(parse(VALID.replace("Do the work", "TODO"))))
        .extracting(Diagnostic::rule).containsExactly("no_todo");
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> linter.validateOrRaise(parse(VALID.replace("Do the work", "TODO"))))).isNotNull();
  }

  @Test
  void withRulesKeepsTheirOrderAndLintersAreImmutable() {
    LintRule a = rule("a");
    LintRule b = rule("b");
    Linter base = Linter.builtIn();

    Linter extended = base.withRules(List.of(a, b));

    assertThat(extended.rules()).endsWith(a, b);
    assertThat(base.rules()).doesNotContain(a, b);
  }

  @Test
  void contextCarriesCustomHandlerTypes() {
    Set<String> types = new HashSet<>(HandlerTypes.builtIn());
    types.add("deploy");
    Graph graph = parse(VALID.replace("work [prompt=\"Do the work\"]", "work [type=deploy]"));

    assertThat(Linter.builtIn().validate(graph)).extracting(Diagnostic::rule)
        .containsExactlyInAnyOrder("type_known", "prompt_on_llm_nodes");
    assertThat(Linter.create(new LintContext(types)).validate(graph)).isEmpty();
    assertThat(Linter.builtIn().withContext(new LintContext(types)).context().isRegistered("deploy")).isTrue();
  }

  @Test
  void defaultContextHasTheBuiltInTypes() {
    assertThat(LintContext.defaults().handlerTypes()).isEqualTo(HandlerTypes.builtIn());
    assertThat(Linter.builtIn().context()).isEqualTo(LintContext.defaults());
  }

  @Test
  void diagnosticsWithoutPositionSortFirst() {
    Linter linter = Linter.builtIn().withRule(new LintRule() {
      @Override
      public String name() {
        return "generated";
      }

      @Override
      public List<Diagnostic> apply(Graph graph, LintContext context) {
        return List.of(Diagnostic.info(name(), "note").at(SourcePosition.UNKNOWN).build());
      }
    });

    assertThat(linter.validate(parse(VALID.replace("[prompt=\"Do the work\"]", ""))))
        .extracting(Diagnostic::rule).containsExactly("generated", "prompt_on_llm_nodes");
  }

  private static LintRule rule(String name) {
    return new LintRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Diagnostic> apply(Graph graph, LintContext context) {
        return List.of();
      }
    };
  }
}
