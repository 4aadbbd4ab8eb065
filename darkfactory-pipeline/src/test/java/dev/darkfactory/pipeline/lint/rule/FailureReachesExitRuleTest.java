package dev.darkfactory.pipeline.lint.rule;

import static dev.darkfactory.pipeline.lint.rule.RuleFixture.at;
import static dev.darkfactory.pipeline.lint.rule.RuleFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.testing.SpecExamples;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A stage whose failure nothing handles, one plain edge from the exit: the run would end success_with_failures. */
class FailureReachesExitRuleTest {
  private final FailureReachesExitRule rule = new FailureReachesExitRule();

  /** examples/approval.dot as it was: publish fails under simulation (no CHANGELOG.md) and the run still reached done. */
  static final String APPROVAL = """
      digraph approval {
        start   [shape=Mdiamond]
        draft   [prompt="Write CHANGELOG.md"]
        approve [shape=hexagon, label="Publish this changelog?"]
        revise  [prompt="Revise it"]
        publish [shape=parallelogram, tool_command="cp CHANGELOG.md release/CHANGELOG.md"]
        done    [shape=Msquare]
        start -> draft -> approve
        approve -> publish [label="[A] Approve"]
        approve -> revise  [label="[R] Reject"]
        revise -> approve
        publish -> done
      }
      """;

  @Test
  void aToolWhoseFailureFlowsAlongAPlainEdgeToTheExitIsAWarningWithAFix() {
    List<Diagnostic> diagnostics = run(rule, APPROVAL);
    assertThat(diagnostics).hasSize(1);
    Diagnostic d = diagnostics.getFirst();
    assertThat(d.rule()).isEqualTo("failure_reaches_exit");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.nodeId()).contains("publish");
    assertThat(d.message()).isEqualTo("when node publish fails, nothing handles it: the run follows the edge without a condition"
        + " publish -> done to the exit and ends success_with_failures, as if publish had done its work");
    assertThat(d.fix()).hasValue("give publish -> done condition=\"outcome=success\" so a failure ends the run as failed, or route the"
        + " failure: an edge from publish with condition=\"outcome=fail\", a retry_target, or goal_gate=true (exit: done)");
    assertThat(d.position()).isEqualTo(at(6, 3));
  }

  @Test
  void everyHandlerThatCanFailIsReported() {
    for (String node : List.of("work [prompt=\"w\"]", "work [shape=parallelogram, tool_command=\"false\"]",
        "work [shape=hexagon, label=\"Go?\"]", "work [shape=tripleoctagon]", "work [shape=house, stack.child_dotfile=\"c.dot\"]",
        "work [type=\"deploy\"]")) {
      String dot = "digraph G { start [shape=Mdiamond]; exit [shape=Msquare]; " + node + "; start -> work -> exit }";
      Set<String> types = new HashSet<>(HandlerTypes.builtIn());
      types.add("deploy");
      assertThat(rule.apply(RuleFixture.parse(dot), new LintContext(types))).as(node).singleElement()
          .satisfies(d -> assertThat(d.nodeId()).contains("work"));
    }
  }

  @Test
  void aFailureThatIsRoutedOrGatedIsFine() {
    for (String handling : List.of(
        "work -> exit [condition=\"outcome=success\"]",
        "work -> exit\n work -> fix [condition=\"outcome=fail\"]\n fix -> exit [condition=\"outcome=success\"]\n fix -> work [condition=\"outcome=fail\"]",
        "work -> exit\n work -> fix [condition=\"outcome!=success && context.tries!=3\"]\n fix -> exit [condition=\"outcome=success\"]\n fix -> work [condition=\"outcome=fail\"]",
        "work -> exit\n work [retry_target=\"fix\"]\n fix -> work [condition=\"outcome=success\"]\n fix -> exit [condition=\"outcome=fail\"]",
        "work -> exit\n work [fallback_retry_target=\"fix\"]\n fix -> work [condition=\"outcome=success\"]\n fix -> exit [condition=\"outcome=fail\"]",
        "work -> exit\n work [goal_gate=true, retry_target=\"start\"]")) {
      String dot = "digraph G {\n start [shape=Mdiamond]\n exit [shape=Msquare]\n work [prompt=\"w\"]\n fix [prompt=\"f\"]\n start -> work\n "
          + handling + "\n}";
      assertThat(run(rule, dot)).as(handling).isEmpty();
    }
  }

  @Test
  void aConditionalNodePassesTheStatusThroughAndMayRouteIt() {
    // 2.13's branching example: validate flows along a plain edge into a diamond that tests its outcome.
    assertThat(run(rule, SpecExamples.BRANCHING)).isEmpty();
    List<Diagnostic> through = run(rule, """
        digraph G {
          start [shape=Mdiamond]
          exit [shape=Msquare]
          work [prompt="w"]
          gate [shape=diamond]
          start -> work -> gate
          gate -> exit
        }
        """);
    assertThat(through).singleElement().satisfies(d -> assertThat(d.message()).contains("work -> gate -> exit"));
  }

  @Test
  void aStageBeforeAnotherStageIsLeftToThatStage() {
    // A failed run_tests is followed by report, which replaces the outcome: only report is one plain edge from the exit.
    assertThat(run(rule, SpecExamples.SIMPLE_LINEAR)).singleElement().satisfies(d -> assertThat(d.nodeId()).contains("report"));
  }

  @Test
  void startExitConditionalParallelAndBranchNodesAreNotReported() {
    assertThat(run(rule, """
        digraph G {
          start [shape=Mdiamond]
          exit [shape=Msquare]
          gate [shape=diamond]
          start -> gate -> exit
        }
        """)).isEmpty();
    assertThat(run(rule, """
        digraph G {
          start [shape=Mdiamond]
          exit [shape=Msquare]
          fork [shape=component]
          a [prompt="a"]
          b [prompt="b"]
          join [shape=tripleoctagon]
          start -> fork
          fork -> a -> join
          fork -> b -> exit
          join -> exit [condition="outcome=success"]
        }
        """)).isEmpty();
  }

  @Test
  void conditionsThatDoNotTestTheOutcomeDoNotHandleAFailure() {
    assertThat(run(rule, """
        digraph G {
          start [shape=Mdiamond]
          exit [shape=Msquare]
          work [prompt="w"]
          other [prompt="o"]
          start -> work
          work -> other [condition="context.mode=slow"]
          work -> exit
          other -> exit [condition="outcome=success"]
        }
        """)).singleElement().satisfies(d -> assertThat(d.nodeId()).contains("work"));
  }
}
