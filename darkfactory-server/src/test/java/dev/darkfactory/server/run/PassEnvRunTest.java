package dev.darkfactory.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Environment;
import dev.darkfactory.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code "pass_env"} of {@code POST /pipelines}: a run's tool nodes get only the allow-list and the
 * names the request passes. Surefire sets GH_PAT, DATABASE_URL (with a password), AWS_* and
 * DARKFACTORY_TEST_PASSED for this JVM (see the pom).
 */
class PassEnvRunTest {
  @TempDir Path data;
  @TempDir Path repo;

  static final String ENV_PIPELINE = """
      digraph Env {
        start [shape=Mdiamond]
        show [shape=parallelogram, tool_command="env > env.txt"]
        done [shape=Msquare]
        start -> show -> done
      }
      """;

  @Test
  void aSubmittedRunsToolNodeSeesOnlyTheAllowListAndTheNamesPassed() throws Exception {
    assertThat(System.getenv("GH_PAT")).as("set by surefire").isNotNull();
    try (TestServer server = TestServer.start(data, new EngineExecutor(repo, Environment.of(Map.of())))) {
      server.awaitStatus(server.submit(Map.of("dot", ENV_PIPELINE, "backend", "simulation")), "success");
      String plain = Files.readString(repo.resolve("env.txt"));

      server.awaitStatus(server.submit(Map.of("dot", ENV_PIPELINE, "backend", "simulation",
          "pass_env", List.of("DARKFACTORY_TEST_PASSED", "DATABASE_URL"))), "success");
      String passed = Files.readString(repo.resolve("env.txt"));

      assertThat(plain).doesNotContain("must-not-leak", "AKIAMUSTNOTLEAK", "DARKFACTORY_TEST_PASSED").containsPattern("(?m)^PATH=");
      assertThat(passed).contains("DARKFACTORY_TEST_PASSED=visible\n", "DATABASE_URL=postgres://app:must-not-leak@")
          .doesNotContainPattern("(?m)^(GH_PAT|GITHUB_TOKEN|AWS_SECRET_ACCESS_KEY)=");
    }
  }

  @Test
  void aNameThatCannotBeAVariableIsA400() {
    try (TestServer server = TestServer.start(data, new EngineExecutor(repo, Environment.of(Map.of())))) {
      TestServer.Response response = server.post("/pipelines", Map.of("dot", ENV_PIPELINE, "pass_env", List.of("GH-PAT")));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().path("error").path("message").asString()).contains("\"pass_env\": GH-PAT is not an environment variable name");
    }
  }
}
