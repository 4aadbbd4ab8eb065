package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.LoadedPipeline;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.event.DecisionStep;
import dev.darkfactory.pipeline.event.PipelineEvent.EdgeSelected;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStarted;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.Option;
import dev.darkfactory.pipeline.human.QueueInterviewer;
import dev.darkfactory.pipeline.human.RecordingInterviewer;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-feature parity matrix of attractor-spec.md 11.12: one test per row, in the table's order. */
class ParityMatrixTest {
  @TempDir Path temp;

  private static LoadedPipeline load(String dot) {
    return PipelineLoader.create().load(new SourceText("matrix.dot", dot));
  }

  private static List<String> rules(LoadedPipeline pipeline, boolean errors) {
    return pipeline.diagnostics().stream().filter(d -> d.isError() == errors).map(Diagnostic::rule).toList();
  }

  @Test
  void row01_parseASimpleLinearPipeline() {
    Graph graph = load("digraph L { start [shape=Mdiamond]; A; B; done [shape=Msquare]; start -> A -> B -> done }").graph();
    assertThat(graph.nodes()).hasSize(4);
    assertThat(graph.edges()).extracting(e -> e.describe()).containsExactly("start -> A", "A -> B", "B -> done");
  }

  @Test
  void row02_parseGraphLevelAttributes() {
    Graph graph = load("digraph G { graph [goal=\"Ship it\", label=\"Release\"] start [shape=Mdiamond]; done [shape=Msquare]; start -> done }").graph();
    assertThat(graph.goal()).isEqualTo("Ship it");
    assertThat(graph.label()).isEqualTo("Release");
  }

  @Test
  void row03_parseMultiLineNodeAttributes() {
    Graph graph = load("""
        digraph M {
          start [shape=Mdiamond]
          work [
            label="Work",
            prompt="Do the work",
            max_retries=2
          ]
          done [shape=Msquare]
          start -> work -> done
        }
        """).graph();
    assertThat(graph.node("work").orElseThrow().prompt()).isEqualTo("Do the work");
    assertThat(graph.node("work").orElseThrow().maxRetries()).hasValue(2);
  }

  @Test
  void row04_validateMissingStartNodeIsAnError() {
    assertThat(rules(load("digraph N { work [prompt=\"w\"]; done [shape=Msquare]; work -> done }"), true)).contains("start_node");
  }

  @Test
  void row05_validateMissingExitNodeIsAnError() {
    assertThat(rules(load("digraph N { start [shape=Mdiamond]; work [prompt=\"w\"]; start -> work }"), true)).contains("terminal_node");
  }

  @Test
  void row06_validateOrphanNodeIsReported() {
    // 11.12 says warning; 7.2's reachability rule is an ERROR, and the linter follows 7.2 (see the ledger).
    LoadedPipeline pipeline = load("digraph O { start [shape=Mdiamond]; done [shape=Msquare]; orphan [prompt=\"o\"]; start -> done }");
    assertThat(pipeline.diagnostics()).anySatisfy(d -> {
      assertThat(d.rule()).isEqualTo("reachability");
      assertThat(d.nodeId()).contains("orphan");
    });
  }

  @Test
  void row07_executeALinearThreeNodePipelineEndToEnd() {
    var run = PipelineTestKit.of("digraph L { start [shape=Mdiamond]; work [prompt=\"w\"]; done [shape=Msquare]; start -> work -> done }", temp).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.completed()).containsExactly("start", "work", "done");
  }

  static final String BRANCHING = """
      digraph B {
        start [shape=Mdiamond]
        test [prompt="t"]
        ship [prompt="s"]
        fix [prompt="f"]
        done [shape=Msquare]
        start -> test
        test -> ship [condition="outcome=success"]
        test -> fix [condition="outcome=fail"]
        ship -> done
        fix -> done
      }
      """;

  @Test
  void row08_executeWithConditionalBranching() {
    var success = PipelineTestKit.of(BRANCHING, temp.resolve("s")).run();
    var failure = PipelineTestKit.of(BRANCHING, temp.resolve("f")).script(Map.of("test", List.of(Outcome.fail("red")))).run();
    assertThat(success.completed()).containsExactly("start", "test", "ship", "done");
    assertThat(failure.completed()).containsExactly("start", "test", "fix", "done");
  }

  @Test
  void row09_executeWithRetryOnFailure() {
    var run = PipelineTestKit.of(BRANCHING.replace("test [prompt=\"t\"]", "test [prompt=\"t\", max_retries=2]"), temp)
        .script(Map.of("test", List.of(Outcome.fail("flaky"), Outcome.fail("flaky"), Outcome.success()))).run();
    assertThat(run.events(StageStarted.class)).filteredOn(e -> e.nodeId().equals("test")).extracting(StageStarted::attempt).containsExactly(1, 2, 3);
    assertThat(run.completed()).containsExactly("start", "test", "ship", "done");
  }

  static final String GATED = """
      digraph G {
        start [shape=Mdiamond]
        gate [prompt="g", goal_gate=true]
        done [shape=Msquare]
        start -> gate
        gate -> done [condition="outcome=success"]
        gate -> done [condition="outcome=fail"]
      }
      """;

  @Test
  void row10_goalGateBlocksExitWhenUnsatisfied() {
    var run = PipelineTestKit.of(GATED, temp).script(Map.of("gate", List.of(Outcome.fail("no")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.events(StageStarted.class)).extracting(StageStarted::nodeId).doesNotContain("done");
  }

  @Test
  void row11_goalGateAllowsExitWhenAllSatisfied() {
    var run = PipelineTestKit.of(GATED, temp).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.completed()).endsWith("done");
  }

  @Test
  void row12_waitHumanPresentsChoicesAndRoutesOnSelection() {
    RecordingInterviewer interviewer = new RecordingInterviewer(QueueInterviewer.of(Answer.text("R")));
    var run = PipelineTestKit.of("""
        digraph H {
          start [shape=Mdiamond]
          review [shape=hexagon, label="Review"]
          ship; rework; done [shape=Msquare]
          start -> review
          review -> ship [label="[S] Ship"]
          review -> rework [label="[R] Rework"]
          ship -> done
          rework -> done
        }
        """, temp).interviewer(interviewer).run();
    assertThat(interviewer.recordings()).singleElement().satisfies(r ->
        assertThat(r.question().options()).containsExactly(new Option("S", "[S] Ship"), new Option("R", "[R] Rework")));
    assertThat(run.completed()).containsExactly("start", "review", "rework", "done");
  }

  private static DecisionStep stepFrom(PipelineTestKit.Run run, String node) {
    return run.events(EdgeSelected.class).stream().filter(e -> e.decision().fromNode().equals(node)).findFirst().orElseThrow().decision().step();
  }

  @Test
  void row13_conditionMatchWinsOverWeight() {
    var run = PipelineTestKit.of("""
        digraph E { start [shape=Mdiamond]; n [prompt="n"]; heavy; light; done [shape=Msquare]
          start -> n
          n -> heavy [weight=100]
          n -> light [condition="outcome=success"]
          heavy -> done
          light -> done }
        """, temp).run();
    assertThat(run.completed()).containsSequence("n", "light");
    assertThat(stepFrom(run, "n")).isEqualTo(DecisionStep.CONDITION);
  }

  @Test
  void row14_weightBreaksTiesForUnconditionalEdges() {
    var run = PipelineTestKit.of("""
        digraph E { start [shape=Mdiamond]; n [prompt="n"]; a; b; done [shape=Msquare]
          start -> n
          n -> a [weight=1]
          n -> b [weight=2]
          a -> done
          b -> done }
        """, temp).run();
    assertThat(run.completed()).containsSequence("n", "b");
    assertThat(stepFrom(run, "n")).isEqualTo(DecisionStep.WEIGHT);
  }

  @Test
  void row15_lexicalTiebreakIsTheFinalFallback() {
    var run = PipelineTestKit.of("""
        digraph E { start [shape=Mdiamond]; n [prompt="n"]; zed; alpha; done [shape=Msquare]
          start -> n
          n -> zed
          n -> alpha
          zed -> done
          alpha -> done }
        """, temp).run();
    assertThat(run.completed()).containsSequence("n", "alpha");
    assertThat(stepFrom(run, "n")).isEqualTo(DecisionStep.LEXICAL);
  }

  @Test
  void row16_contextUpdatesFromOneNodeAreVisibleToTheNext() {
    List<Object> seen = new ArrayList<>();
    PipelineTestKit.of("digraph C { start [shape=Mdiamond]; w [prompt=\"w\"]; r [prompt=\"r\"]; done [shape=Msquare]; start -> w -> r -> done }", temp)
        .backend(request -> {
          if (request.node().id().equals("r")) {
            seen.add(request.context().get("plan").orElse("missing"));
          }
          return CodergenResult.outcome(Outcome.success().withContextUpdate("plan", "three steps"));
        }).run();
    assertThat(seen).containsExactly("three steps");
  }

  @Test
  void row17_checkpointSaveAndResumeProducesTheSameResult() {
    String dot = "digraph R { start [shape=Mdiamond]; a [prompt=\"a\"]; h [type=\"halt\"]; b [prompt=\"b\"]; done [shape=Msquare]; start -> a -> h -> b -> done }";
    Halt halt = new Halt();
    var kit = PipelineTestKit.of(dot, temp.resolve("resumed")).handler("halt", halt);
    kit.run();
    halt.armed.set(false);
    var resumed = kit.resume();
    Halt passing = new Halt();
    passing.armed.set(false);
    var straight = PipelineTestKit.of(dot, temp.resolve("straight")).handler("halt", passing).run();
    assertThat(resumed.result().status()).isEqualTo(straight.result().status());
    assertThat(resumed.completed()).isEqualTo(straight.completed());
    assertThat(resumed.result().nodeOutcomes()).isEqualTo(straight.result().nodeOutcomes());
  }

  @Test
  void row18_stylesheetAppliesModelOverrideByShape() {
    Map<String, String> models = new LinkedHashMap<>();
    PipelineTestKit.of("""
        digraph S {
          graph [model_stylesheet="box { llm_model: fast-model; }"]
          start [shape=Mdiamond]
          plan [shape=box, prompt="p"]
          done [shape=Msquare]
          start -> plan -> done
        }
        """, temp).backend(request -> {
          models.put(request.node().id(), request.node().llmModel().orElse("none"));
          return CodergenResult.text("ok");
        }).run();
    assertThat(models).containsEntry("plan", "fast-model");
  }

  @Test
  void row19_promptVariableExpansionWorks() {
    List<String> prompts = new ArrayList<>();
    PipelineTestKit.of("digraph V { graph [goal=\"a hello world script\"] start [shape=Mdiamond]; p [prompt=\"Plan $goal\"]; done [shape=Msquare]; start -> p -> done }",
        temp).backend(request -> {
          prompts.add(request.prompt());
          return CodergenResult.text("ok");
        }).run();
    assertThat(prompts).containsExactly("Plan a hello world script");
  }

  @Test
  void row20_parallelFanOutAndFanInCompleteCorrectly() {
    var run = PipelineTestKit.of(ParallelTest.FAN, temp).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.result().nodeOutcomes()).containsEntry("fan", StageStatus.SUCCESS).containsEntry("join", StageStatus.SUCCESS);
    assertThat(run.context(ContextKeys.FAN_IN_BEST_ID)).isIn("a", "b", "c");
  }

  @Test
  void row21_customHandlerRegistrationAndExecution() {
    var run = PipelineTestKit.of("digraph C { start [shape=Mdiamond]; deploy [type=\"deploy\"]; done [shape=Msquare]; start -> deploy -> done }", temp)
        .handler("deploy", stage -> Outcome.success("deployed").withContextUpdate("deployed_by", stage.node().id())).run();
    assertThat(run.context("deployed_by")).isEqualTo("deploy");
  }

  @Test
  void row22_aPipelineOfTenOrMoreNodesCompletes() {
    StringBuilder dot = new StringBuilder("digraph Big { start [shape=Mdiamond]; done [shape=Msquare]\n");
    String previous = "start";
    for (int i = 1; i <= 12; i++) {
      dot.append("n").append(i).append(" [prompt=\"step ").append(i).append("\"]\n").append(previous).append(" -> n").append(i).append('\n');
      previous = "n" + i;
    }
    dot.append(previous).append(" -> done }");
    var run = PipelineTestKit.of(dot.toString(), temp).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.completed()).hasSize(14);
  }
}
