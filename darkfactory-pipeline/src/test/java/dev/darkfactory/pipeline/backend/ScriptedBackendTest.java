package dev.darkfactory.pipeline.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.event.EventSink;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.problem.ScriptFileException;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.Fidelity;
import dev.darkfactory.pipeline.state.FidelityMode;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code --scripted FILE} backend. */
class ScriptedBackendTest {
  static final Graph GRAPH = DotParser.parse("t.dot", "digraph T { plan; review; tool [shape=parallelogram] }");
  static final Path FILE = Path.of("script.json");

  private static CodergenResult run(ScriptedBackend backend, String node, int execution) {
    EventSink sink = new EventSink() {
      public String runId() {
        return "r";
      }

      public String branch() {
        return "";
      }

      public Instant now() {
        return Instant.EPOCH;
      }

      public void publish(PipelineEvent event) {}
    };
    return backend.run(new CodergenRequest(GRAPH.node(node).orElseThrow(), GRAPH, "p", new Context(), Fidelity.of(FidelityMode.COMPACT),
        Path.of("."), Path.of("."), execution, 1, Cancellation.create(), sink));
  }

  private static StageStatus status(CodergenResult result) {
    return ((CodergenResult.Decided) result).outcome().status();
  }

  @Test
  void theNthExecutionTakesTheNthEntryAndTheLastRepeats() {
    ScriptedBackend backend = ScriptedBackend.parse(FILE,
        "{\"nodes\": {\"review\": [{\"outcome\": \"fail\", \"failure_reason\": \"red\"}, {\"outcome\": \"retry\"}, {\"outcome\": \"success\", \"preferred_label\": \"ok\"}]}}");
    assertThat(status(run(backend, "review", 1))).isEqualTo(StageStatus.FAIL);
    assertThat(status(run(backend, "review", 2))).isEqualTo(StageStatus.RETRY);
    assertThat(status(run(backend, "review", 3))).isEqualTo(StageStatus.SUCCESS);
    assertThat(status(run(backend, "review", 9))).isEqualTo(StageStatus.SUCCESS);
  }

  @Test
  void aNodeNotListedSucceedsWithText() {
    ScriptedBackend backend = ScriptedBackend.parse(FILE, "{\"nodes\": {}}");
    assertThat(run(backend, "plan", 1)).isInstanceOf(CodergenResult.Response.class);
  }

  @Test
  void allAppendixCFieldsAreRead() {
    ScriptedBackend backend = ScriptedBackend.parse(FILE, """
        {"nodes": {"plan": [{"outcome": "partial_success", "preferred_label": "Fix", "suggested_next_ids": ["review"],
          "context_updates": {"k": "v", "n": 2}, "notes": "half", "failure_reason": "tests"}]}}
        """);
    var outcome = ((CodergenResult.Decided) run(backend, "plan", 1)).outcome();
    assertThat(outcome.preferredLabel()).isEqualTo("Fix");
    assertThat(outcome.suggestedNextIds()).containsExactly("review");
    assertThat(outcome.contextUpdates()).containsEntry("n", 2L);
    assertThat(outcome.notes()).isEqualTo("half");
    assertThat(outcome.failureReason()).isEqualTo("tests");
  }

  @Test
  void anUnknownNodeIsAnError() {
    ScriptedBackend backend = ScriptedBackend.parse(FILE, "{\"nodes\": {\"plann\": [{\"outcome\": \"success\"}]}}");
    assertThatThrownBy(() -> backend.checkAgainst(GRAPH, node -> true)).isInstanceOf(ScriptFileException.class)
        .hasMessageContaining("node \"plann\" is not in pipeline T").hasMessageContaining("did you mean \"plan\"");
  }

  @Test
  void aNodeThatNeverCallsTheBackendIsAnError() {
    ScriptedBackend backend = ScriptedBackend.parse(FILE, "{\"nodes\": {\"tool\": [{\"outcome\": \"fail\"}]}}");
    assertThatThrownBy(() -> backend.checkAgainst(GRAPH, node -> !node.id().equals("tool"))).isInstanceOf(ScriptFileException.class)
        .hasMessageContaining("does not call the LLM backend");
  }

  @Test
  void malformedFilesAreClearErrors() {
    assertThatThrownBy(() -> ScriptedBackend.parse(FILE, "{nodes")).isInstanceOf(ScriptFileException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> ScriptedBackend.parse(FILE, "{\"plan\": []}")).isInstanceOf(ScriptFileException.class)
        .hasMessageContaining("expected {\"nodes\"");
    assertThatThrownBy(() -> ScriptedBackend.parse(FILE, "{\"nodes\": {\"plan\": []}}")).hasMessageContaining("non-empty list");
    assertThatThrownBy(() -> ScriptedBackend.parse(FILE, "{\"nodes\": {\"plan\": [{\"outcome\": \"failed\"}]}}"))
        .hasMessageContaining("nodes.plan[0]").hasMessageContaining("did you mean \"fail\"");
    assertThatThrownBy(() -> ScriptedBackend.parse(FILE, "{\"nodes\": {}, \"extra\": 1}")).hasMessageContaining("unknown top-level field");
  }
}
