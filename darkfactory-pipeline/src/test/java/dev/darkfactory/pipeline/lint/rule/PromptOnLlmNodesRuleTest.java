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

class PromptOnLlmNodesRuleTest {
  private final PromptOnLlmNodesRule rule = new PromptOnLlmNodesRule();

  @Test
  void llmNodeWithoutPromptOrLabelIsAWarningMentioningThePrompt() {
    Diagnostic d = run(rule, "digraph G {\n  start -> implement -> exit\n}").getFirst();

    assertThat(d.rule()).isEqualTo("prompt_on_llm_nodes");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message()).isEqualTo("node implement runs as an LLM stage (codergen) but has no prompt and no label:"
        + " the model would be sent only 'implement'");
    assertThat(d.nodeId()).contains("implement");
    assertThat(d.fix()).contains("add prompt=\"...\" to implement, or give it another shape if it is not an LLM stage");
    assertThat(d.position()).isEqualTo(at(2, 12));
  }

  @Test
  void promptOrExplicitLabelSatisfiesIt() {
    assertThat(run(rule, "digraph G { a [prompt=\"Do it\"] b [label=\"Plan\"] c [shape=box, label=\"C\"] }")).isEmpty();
  }

  @Test
  void emptyPromptAndLabelDoNotCount() {
    assertThat(run(rule, "digraph G { a [prompt=\"\", label=\"\"] }")).hasSize(1);
  }

  @Test
  void nonLlmNodesAreNotChecked() {
    assertThat(run(rule, """
        digraph G {
          s [shape=Mdiamond] e [shape=Msquare] h [shape=hexagon] d [shape=diamond] p [shape=component]
          f [shape=tripleoctagon] t [shape=parallelogram] m [shape=house] x [type=tool]
        }
        """)).isEmpty();
  }

  @Test
  void startAndExitFoundByIdAreNotLlmNodes() {
    assertThat(run(rule, "digraph G { start -> work -> exit  work [prompt=\"p\"] }")).isEmpty();
  }

  @Test
  void aNodeNamedStartIsAnLlmNodeWhenAnotherNodeIsTheMdiamond() {
    assertThat(run(rule, "digraph G { begin [shape=Mdiamond] begin -> start -> exit }"))
        .extracting(d -> d.nodeId().orElseThrow()).containsExactly("start");
  }

  @Test
  void unregisteredTypeOnABoxStillRunsAsCodergen() {
    assertThat(run(rule, "digraph G { a [type=unknown_kind] }")).hasSize(1);
  }

  @Test
  void registeredCustomTypeIsNotAnLlmNode() {
    Set<String> types = new HashSet<>(HandlerTypes.builtIn());
    types.add("lint_code");

    assertThat(rule.apply(parse("digraph G { a [type=lint_code] }"), new LintContext(types))).isEmpty();
  }
}
