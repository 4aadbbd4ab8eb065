package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code POST /validate} with about 470 KB of DOT that repeats one mistake 16,000 times answered 24 MB of JSON; now a few KB. */
public class ValidateLimitsTest {
  static final int NODES = 8_000;
  static final int MAX_RESPONSE_BYTES = 64 * 1024;

  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A chain of NODES stages with two misspelt attributes each; with errors, also 500 edges with a broken condition. */
  public static String pipeline(int nodes, boolean withErrors) {
    StringBuilder dot = new StringBuilder("digraph Big {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n");
    for (int i = 0; i < nodes; i++) {
      dot.append("  stage_").append(i).append(" [prompt=\"Do step ").append(i).append("\", colr=\"red\", shpe=\"box\"]\n");
    }
    dot.append("  start -> stage_0\n");
    for (int i = 1; i < nodes; i++) {
      dot.append("  stage_").append(i - 1).append(" -> stage_").append(i).append('\n');
    }
    // The last hop is conditional so the only findings are the ones this test counts (no failure_reaches_exit).
    dot.append("  stage_").append(nodes - 1).append(" -> exit [condition=\"outcome=success\"]\n");
    if (withErrors) {
      for (int i = 0; i < 500; i++) {
        dot.append("  stage_").append(i).append(" -> exit [condition=\"outcome=success &&\"]\n");
      }
    }
    return dot.append("}\n").toString();
  }

  @Test
  void theEditorsValidationAnswerIsBoundedAndCounted() {
    String dot = pipeline(NODES, false);
    assertThat(dot.length()).isGreaterThan(460_000);
    TestServer.Response response = server.post("/validate", Map.of("dot", dot));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_RESPONSE_BYTES);
    JsonNode report = response.json();
    assertThat(report.path("valid").asBoolean()).isTrue();
    assertThat(report.path("node_count").asInt()).isEqualTo(NODES + 2);
    assertThat(report.path("total").asInt()).isEqualTo(2 * NODES);
    assertThat(report.path("shown").asInt()).isEqualTo(20);
    assertThat(report.path("omitted").asInt()).isEqualTo(2 * NODES - 20);
    assertThat(report.path("counts").path("unknown_attribute").asInt()).isEqualTo(2 * NODES);
    assertThat(report.path("severities").path("warning").asInt()).isEqualTo(2 * NODES);
    assertThat(report.path("severities").path("error").asInt()).isZero();
    assertThat(report.path("diagnostics")).hasSize(21);
    assertThat(report.path("diagnostics").get(0).has("line")).isTrue();
    JsonNode last = report.path("diagnostics").get(20);
    assertThat(last.path("omitted").asInt()).isEqualTo(2 * NODES - 20);
    assertThat(last.path("message").asString()).isEqualTo("... and 15,980 more unknown_attribute warnings");
  }

  @Test
  void anInvalidSubmissionIsRefusedWithABoundedList() {
    TestServer.Response response = server.post("/pipelines", Map.of("dot", pipeline(NODES, true)));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("invalid_pipeline");
    assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_RESPONSE_BYTES);
    JsonNode diagnostics = response.json().path("error").path("diagnostics");
    assertThat(diagnostics.size()).isLessThanOrEqualTo(200 + 10);
    assertThat(diagnostics).anySatisfy(d -> assertThat(d.path("severity").asString()).isEqualTo("error"));
    assertThat(diagnostics).anySatisfy(d -> assertThat(d.path("omitted").asInt()).isPositive());
  }
}
