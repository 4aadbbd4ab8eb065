package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.testing.SpecExamples;
import dev.darkfactory.pipeline.LoadedPipeline;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integration smoke test of attractor-spec.md 11.13, step by step, with the scripted backend in
 * place of a real LLM: implement fails once, so the run also takes the retry loop back to plan.
 */
class IntegrationSmokeTest {
  @TempDir Path temp;

  static final String DOT = SpecExamples.SMOKE_TEST;

  @Test
  void theSmokeTestPasses() {
    // 1. Parse
    LoadedPipeline loaded = PipelineLoader.create().load(new SourceText("smoke.dot", DOT));
    Graph graph = loaded.graph();
    assertThat(graph.goal()).isEqualTo("Create a hello world Python script");
    assertThat(graph.nodes()).hasSize(5);
    assertThat(graph.edges()).hasSize(6);

    // 2. Validate
    assertThat(loaded.errors()).isEmpty();

    // 3. Execute
    var run = PipelineTestKit.of(DOT, temp).script(Map.of(
        "plan", List.of(Outcome.success("planned")),
        "implement", List.of(Outcome.fail("syntax error"), Outcome.success("wrote hello.py")),
        "review", List.of(Outcome.success("looks right")))).run();

    // 4. Verify
    assertThat(run.result().status().wire()).isEqualTo("success");
    assertThat(run.completed()).contains("implement");
    assertThat(run.completed()).containsExactly("start", "plan", "implement", "plan", "implement", "review", "done");
    for (String node : List.of("plan", "implement", "review")) {
      for (String file : List.of("prompt.md", "status.json")) {
        assertThat(run.dir().root().resolve(node).resolve(file)).exists();
      }
    }
    assertThat(run.dir().root().resolve("plan/prompt.md")).content().isEqualTo("Plan how to create a hello world script for: Create a hello world Python script");

    // 5. Verify the goal gate
    assertThat(run.result().nodeOutcomes()).containsEntry("implement", StageStatus.SUCCESS);

    // 6. Verify the checkpoint
    Checkpoint checkpoint = run.checkpoint();
    assertThat(checkpoint.currentNode()).isEqualTo("done");
    assertThat(checkpoint.completedNodes()).contains("plan", "implement", "review");
  }

  @Test
  void withATextBackendEveryStageAlsoWritesResponseMd() {
    var run = PipelineTestKit.of(DOT, temp).run();
    for (String node : List.of("plan", "implement", "review")) {
      for (String file : List.of("prompt.md", "response.md", "status.json")) {
        assertThat(run.dir().root().resolve(node).resolve(file)).exists();
      }
    }
  }
}
