package dev.darkfactory.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.testkit.attractorbench.AttractorBenchMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's {@code run} knows two statuses, success and fail: a run that reached its exit
 * past a failed stage is a success there (attractor-spec.md 3.2), and names the stage it passed over.
 */
class PipelineRunStatusTest {
  @TempDir Path temp;

  @Test
  void aRunThatReachedItsExitPastAFailedStageIsASuccessThatNamesTheStage() throws Exception {
    Path dot = Files.writeString(temp.resolve("p.dot"), """
        digraph P {
          start   [shape=Mdiamond]
          publish [shape=parallelogram, tool_command="exit 1"]
          done    [shape=Msquare]
          start -> publish -> done
        }
        """);
    try (AttractorBenchMock mock = AttractorBenchMock.start(0)) {
      Map<String, String> env = new LinkedHashMap<>(mock.environment());
      env.put("CONFORMANCE_RUNS_DIR", temp.resolve("runs").toString());
      Adapter.Result run = new Adapter(env, temp).run(null, "run", dot.toString());
      assertThat(run.exitCode()).as(run.toString()).isZero();
      JsonNode json = run.json();
      assertThat(json.path("status").asString()).isEqualTo("success");
      assertThat(json.path("failed_stages").toString()).isEqualTo("[\"publish\"]");
      assertThat(json.path("node_outcomes").path("publish").asString()).isEqualTo("fail");
    }
  }
}
