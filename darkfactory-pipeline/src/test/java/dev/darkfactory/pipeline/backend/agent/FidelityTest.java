package dev.darkfactory.pipeline.backend.agent;

import static dev.darkfactory.pipeline.backend.agent.AgentRunKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.state.FidelityMode;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.testkit.RecordedRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Context fidelity (attractor-spec.md 5.4): the preamble of each mode, and {@code full} continuing one session. */
class FidelityTest {
  @TempDir Path temp;
  AgentRunKit kit;

  @BeforeEach
  void setUp() {
    kit = new AgentRunKit(temp);
  }

  @AfterEach
  void tearDown() {
    kit.close();
  }

  static RunHistory history() {
    return new RunHistory("run-7", List.of(
        new RunHistory.StageRecord("plan", "success", "wrote PLAN.md with 3 steps", "", "", List.of("write_file PLAN.md"), "Plan written."),
        new RunHistory.StageRecord("implement", "fail", "", "tests fail: 2 of 9", "", List.of("edit_file src/a.py", "shell: pytest -q"), "Two tests fail."),
        new RunHistory.StageRecord("implement", "success", "fixed the off-by-one", "", "", List.of("edit_file src/a.py", "shell: pytest -q"), "All green.")),
        List.of("stage implement failed: tests fail: 2 of 9 (retried)"));
  }

  static Map<String, Object> context() {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("graph.goal", "Fix the parser");
    context.put("graph.label", "Parser");
    context.put("outcome", "success");
    context.put("internal.retry_count.implement", 1);
    context.put("tests", "pass");
    context.put("last_stage", "implement");
    return context;
  }

  @Test
  void truncateCarriesOnlyTheGoalAndTheRunId() {
    String preamble = Preambles.build(FidelityMode.TRUNCATE, history(), context(), "Fix the parser");
    assertThat(preamble).isEqualTo("# The pipeline run so far (fidelity truncate)\n\nGoal: Fix the parser\nRun: run-7\n");
  }

  @Test
  void compactListsEveryStageAndTheKeyContextValues() {
    String preamble = Preambles.build(FidelityMode.COMPACT, history(), context(), "Fix the parser");
    assertThat(preamble).isEqualTo("""
        # The pipeline run so far (fidelity compact)

        Goal: Fix the parser
        Run: run-7

        ## Completed stages
        - plan: success (wrote PLAN.md with 3 steps)
        - implement: fail (tests fail: 2 of 9)
        - implement: success (fixed the off-by-one)

        ## Context
        - last_stage = implement
        - tests = pass
        """);
  }

  @Test
  void summaryLowIsAFewSentences() {
    String preamble = Preambles.build(FidelityMode.SUMMARY_LOW, history(), context(), "Fix the parser");
    assertThat(preamble).endsWith("3 stages have completed so far (2 succeeded, 1 failed). The last was implement, which ended success"
        + " (fixed the off-by-one). There was 1 notable event (failures, retries, goal-gate loops).\n");
    assertThat(preamble).doesNotContain("## Context");
  }

  @Test
  void summaryMediumAddsContextAndNotableEvents() {
    String preamble = Preambles.build(FidelityMode.SUMMARY_MEDIUM, history(), context(), "Fix the parser");
    assertThat(preamble).contains("## Recent stages\n- plan: success", "## Context\n- last_stage = implement\n- tests = pass",
        "## Notable events\n- stage implement failed: tests fail: 2 of 9 (retried)");
    assertThat(preamble).doesNotContain("graph.label", "internal.", "shell: pytest");
  }

  @Test
  void summaryHighAddsToolCallsLastWordsAndEveryContextValue() {
    String preamble = Preambles.build(FidelityMode.SUMMARY_HIGH, history(), context(), "Fix the parser");
    assertThat(preamble).contains("### implement: fail\nFailure: tests fail: 2 of 9\nTools (2 calls): edit_file src/a.py; shell: pytest -q\nSaid: Two tests fail.",
        "- graph.label = Parser");
    assertThat(preamble).doesNotContain("internal.retry_count");
  }

  @Test
  void eachPreambleStaysWithinItsBudget() {
    List<RunHistory.StageRecord> many = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      many.add(new RunHistory.StageRecord("stage" + i, "success", "x".repeat(500), "", "", List.of("shell: make test"), "y".repeat(500)));
    }
    RunHistory big = new RunHistory("r", many, List.of());
    for (FidelityMode mode : FidelityMode.values()) {
      String preamble = Preambles.build(mode, big, context(), "goal");
      assertThat(preamble.length()).as(mode.wire()).isLessThanOrEqualTo(Preambles.tokenBudget(mode) * 4);
    }
    assertThat(Preambles.build(FidelityMode.COMPACT, big, context(), "goal")).contains("(375 earlier stages)", "stage399");
  }

  @Test
  void fullFidelityContinuesOneSessionAcrossTheNodesOfAThread() {
    String dot = """
        digraph Thread {
          start [shape=Mdiamond]
          design [prompt="Design it", fidelity="full", thread_id="feature"]
          build [prompt="Build what you designed", fidelity="full", thread_id="feature"]
          other [prompt="Unrelated check"]
          done [shape=Msquare]
          start -> design -> build -> other -> done
        }
        """;
    kit.says("Design: a queue.").says("Built the queue.").says("Checked.");

    RunResult result = kit.run(dot);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    List<RecordedRequest> requests = kit.twin.requests("/v1/messages");
    assertThat(requests).hasSize(3);
    JsonNode buildMessages = requests.get(1).json().path("messages");
    assertThat(buildMessages.toString()).contains("# Stage design", "Design: a queue.", "# Stage build");
    String buildInput = kit.stageFile("build", StageFiles.INPUT);
    assertThat(buildInput).startsWith("# Stage build").doesNotContain("The pipeline run so far");
    assertThat(kit.stageFile("design", StageFiles.PREAMBLE)).contains("fidelity compact");
    assertThat(kit.hasStageFile("build", StageFiles.PREAMBLE)).isFalse();
    String designSession = sessionId(kit.stageFile("design", StageFiles.USAGE));
    assertThat(sessionId(kit.stageFile("build", StageFiles.USAGE))).isEqualTo(designSession);
    assertThat(kit.stageFile("build", StageFiles.USAGE)).contains("\"reused_session\" : true");
    // The node without fidelity gets compact (5.4's default) in a fresh session that knows the earlier stages.
    assertThat(sessionId(kit.stageFile("other", StageFiles.USAGE))).isNotEqualTo(designSession);
    assertThat(kit.stageFile("other", StageFiles.PREAMBLE)).contains("fidelity compact", "- design: success", "- build: success");
    assertThat(requests.get(2).json().path("messages").toString()).doesNotContain("Design: a queue.\"");
  }

  @Test
  void aFreshSessionGetsTheModeOfItsEdgeAndNodeInItsPreamble() {
    String dot = """
        digraph Modes {
          graph [goal="Ship it"]
          start [shape=Mdiamond]
          a [prompt="A"]
          b [prompt="B", fidelity="summary:high"]
          c [prompt="C"]
          done [shape=Msquare]
          start -> a -> b
          b -> c [fidelity="truncate"]
          c -> done
        }
        """;
    kit.calls("shell", json("{'command':'echo tested'}")).says("A done.").says("B done.").says("C done.");
    RunResult result = kit.run(dot);
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(kit.stageFile("b", StageFiles.PREAMBLE)).contains("fidelity summary:high", "### a: success", "Tools (1 calls): shell: echo tested",
        "Said: A done.");
    assertThat(kit.stageFile("c", StageFiles.PREAMBLE)).contains("fidelity truncate", "Goal: Ship it").doesNotContain("## ");
  }

  private static String sessionId(String usageJson) {
    return usageJson.replaceAll("(?s).*\"session_id\" : \"([^\"]+)\".*", "$1");
  }
}
