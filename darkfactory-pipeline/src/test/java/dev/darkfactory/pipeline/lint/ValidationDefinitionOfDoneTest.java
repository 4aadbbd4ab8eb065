package dev.darkfactory.pipeline.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.testing.SpecExamples;
import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.problem.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** attractor-spec.md 11.2, the validate rows of the 11.12 parity matrix, and the examples of 2.13. */
class ValidationDefinitionOfDoneTest {
  private final Linter linter = Linter.builtIn();

  private List<Diagnostic> validate(String dot) {
    return linter.validate(DotParser.parse("test.dot", dot));
  }

  private static List<String> rules(List<Diagnostic> diagnostics, Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).map(Diagnostic::rule).toList();
  }

  @Nested
  class Section11_2 {

    @Test
    void exactlyOneStartNodeIsRequired() {
      assertThat(rules(validate("digraph G { a -> exit }"), Severity.ERROR)).contains("start_node");
      assertThat(rules(validate("digraph G { a [shape=Mdiamond] b [shape=Mdiamond] a -> exit  b -> exit }"), Severity.ERROR))
          .contains("start_node");
      assertThat(rules(validate("digraph G { start -> w -> exit  w [prompt=p] }"), Severity.ERROR)).isEmpty();
    }

    @Test
    void exactlyOneExitNodeIsRequired() {
      assertThat(rules(validate("digraph G { start -> a }"), Severity.ERROR)).contains("terminal_node");
      assertThat(rules(validate("digraph G { start -> exit  start -> end }"), Severity.ERROR)).contains("terminal_node");
    }

    @Test
    void startNodeHasNoIncomingEdges() {
      assertThat(rules(validate("digraph G { start -> w -> exit  w -> start  w [prompt=p, max_visits=3] }"), Severity.ERROR))
          .containsExactly("start_no_incoming");
    }

    @Test
    void exitNodeHasNoOutgoingEdges() {
      assertThat(rules(validate("digraph G { start -> w -> exit  exit -> w  w [prompt=p, max_visits=3] }"), Severity.ERROR))
          .containsExactly("exit_no_outgoing");
    }

    @Test
    void allNodesAreReachableFromStart() {
      List<Diagnostic> diagnostics = validate("digraph G { start -> exit  lonely [prompt=p] }");

      assertThat(diagnostics).filteredOn(d -> d.rule().equals("reachability")).singleElement()
          .satisfies(d -> assertThat(d.message()).contains("unreachable"));
    }

    @Test
    void allEdgesReferenceValidNodeIds() {
      Graph graph = Graph.of("G", Attributes.empty(),
          List.of(Node.of("start", Attributes.empty()), Node.of("exit", Attributes.empty())),
          List.of(Edge.of("start", "exit"), Edge.of("start", "nowhere")));

      assertThat(rules(linter.validate(graph), Severity.ERROR)).containsExactly("edge_target_exists");
    }

    @Test
    void codergenNodesWithoutPromptAreWarned() {
      List<Diagnostic> diagnostics = validate("digraph G { start -> work  work -> exit [condition=\"outcome=success\"]  work [shape=box] }");

      assertThat(diagnostics).singleElement().satisfies(d -> {
        assertThat(d.rule()).isEqualTo("prompt_on_llm_nodes");
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("prompt");
      });
    }

    @Test
    void conditionExpressionsMustParse() {
      assertThat(rules(validate("digraph G { start -> exit [condition=\"outcome=success ||\"] }"), Severity.ERROR))
          .containsExactly("condition_syntax");
    }

    @Test
    void validateOrRaiseThrowsOnErrors() {
      assertThatThrownBy(() -> linter.validateOrRaise(DotParser.parse("test.dot", "digraph G { a }")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("error[start_node]")
          .hasMessageContaining("error[terminal_node]");
    }

    @Test
    void resultsIncludeRuleSeverityNodeOrEdgeAndMessage() {
      List<Diagnostic> diagnostics = validate("""
          digraph G {
            start -> work -> exit
            work [prompt=p]
            work -> exit [condition="outcome==success"]
          }
          """);

      assertThat(diagnostics).singleElement().satisfies(d -> {
        assertThat(d.rule()).isEqualTo("condition_syntax");
        assertThat(d.severity().label()).isEqualTo("error");
        assertThat(d.edge()).contains(new Diagnostic.EdgeRef("work", "exit"));
        assertThat(d.message()).isNotBlank();
        assertThat(d.toString()).startsWith("test.dot:4:35: error[condition_syntax]: invalid condition on edge work -> exit");
      });
    }
  }

  /** The validate rows of 11.12. */
  @Nested
  class ParityMatrix {

    @Test
    void missingStartNodeIsAnError() {
      assertThat(rules(validate("digraph G { a [prompt=p] a -> exit }"), Severity.ERROR)).containsExactly("start_node");
    }

    @Test
    void missingExitNodeIsAnError() {
      assertThat(rules(validate("digraph G { start -> a  a [prompt=p] }"), Severity.ERROR)).containsExactly("terminal_node");
    }

    /**
     * 11.12 says "orphan node -> warning" but 7.2 makes {@code reachability} an ERROR; we follow 7.2
     * (see the spec-conformance ledger). The orphan is reported either way.
     */
    @Test
    void orphanNodeIsReportedAsAnError() {
      List<Diagnostic> diagnostics = validate("digraph G { start -> a  a -> exit [condition=\"outcome=success\"]  a [prompt=p]  orphan [prompt=p] }");

      assertThat(diagnostics).singleElement().satisfies(d -> {
        assertThat(d.rule()).isEqualTo("reachability");
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.nodeId()).contains("orphan");
      });
    }
  }

  /** The minimal examples of 2.13 have no errors. */
  @Nested
  class ExamplesFromTheSpec {

    @Test
    void simpleLinearWorkflowOnlyWarnsThatAFailedReportWouldReachTheExit() {
      // report -> exit has no condition: a failed report would end the run success_with_failures.
      assertThat(validate(SpecExamples.SIMPLE_LINEAR)).extracting(d -> d.rule() + ":" + d.nodeId().orElseThrow())
          .containsExactly("failure_reaches_exit:report");
    }

    @Test
    void branchingWorkflowOnlyWarnsAboutItsUnboundedLoop() {
      assertThat(validate(SpecExamples.BRANCHING)).extracting(Diagnostic::rule).containsExactly("unbounded_loop");
    }

    @Test
    void humanGateWorkflowOnlyWarnsAboutPromptlessStages() {
      assertThat(validate(SpecExamples.HUMAN_GATE)).extracting(d -> d.rule() + ":" + d.nodeId().orElseThrow())
          .containsExactlyInAnyOrder("prompt_on_llm_nodes:ship_it", "prompt_on_llm_nodes:fixes", "failure_reaches_exit:ship_it");
    }
  }
}
