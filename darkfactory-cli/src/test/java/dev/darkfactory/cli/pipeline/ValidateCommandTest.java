package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.cli.render.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code factory validate} on a generated 1.3 MB pipeline that repeats two mistakes on every one of
 * its 20,000 nodes: the output stays small (it was 85 MB for a file of this size), and the counts
 * say how many there were.
 */
class ValidateCommandTest {
  static final int NODES = 20_000;
  static final int FINDINGS = 2 * NODES;
  /** Generous: the listed findings, their source excerpts and the summary take about 6 KB. */
  static final int MAX_OUTPUT_BYTES = 64 * 1024;

  @TempDir static Path dir;
  static Path big;
  static Path bigWithAnError;

  @BeforeAll
  static void generate() throws IOException {
    big = Files.writeString(dir.resolve("big.dot"), pipeline(false));
    bigWithAnError = Files.writeString(dir.resolve("broken.dot"), pipeline(true));
    assertThat(Files.size(big)).isGreaterThan(1_200_000);
  }

  /** A chain of NODES stages, each with two misspelt attributes; optionally an edge to a node that does not exist, at the very end. */
  static String pipeline(boolean withError) {
    StringBuilder dot = new StringBuilder("digraph Big {\n  start [shape=Mdiamond]\n  exit [shape=Msquare]\n");
    for (int i = 0; i < NODES; i++) {
      dot.append("  stage_").append(i).append(" [prompt=\"Do step ").append(i).append("\", colr=\"red\", shpe=\"box\"]\n");
    }
    dot.append("  start -> stage_0\n");
    for (int i = 1; i < NODES; i++) {
      dot.append("  stage_").append(i - 1).append(" -> stage_").append(i).append('\n');
    }
    // The last hop is conditional so the only findings are the ones these tests count (no failure_reaches_exit).
    dot.append("  stage_").append(NODES - 1).append(" -> exit [condition=\"outcome=success\"]\n");
    if (withError) {
      dot.append("  exit_ -> nowhere\n");
    }
    return dot.append("}\n").toString();
  }

  static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void textOutputIsBoundedAndSaysHowManyWereLeftOut() {
    CliRun run = CliRun.of("validate", big.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(bytes(run.out())).isLessThan(MAX_OUTPUT_BYTES);
    assertThat(run.out()).contains("... and 39,980 more unknown_attribute warnings").contains("20 of 40,000 findings listed; --all lists every one")
        .contains("valid (40000 warnings)");
  }

  @Test
  void jsonOutputIsBoundedAndKeepsTheFullCounts() {
    CliRun run = CliRun.of("validate", "--json", big.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(bytes(run.out())).isLessThan(MAX_OUTPUT_BYTES);
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.path("valid").asBoolean()).isTrue();
    assertThat(json.path("total").asInt()).isEqualTo(FINDINGS);
    assertThat(json.path("shown").asInt()).isEqualTo(20);
    assertThat(json.path("omitted").asInt()).isEqualTo(FINDINGS - 20);
    assertThat(json.path("counts").path("unknown_attribute").asInt()).isEqualTo(FINDINGS);
    assertThat(json.path("severities").path("warning").asInt()).isEqualTo(FINDINGS);
    assertThat(json.path("diagnostics")).hasSize(21);
    JsonNode summaryLine = json.path("diagnostics").get(20);
    assertThat(summaryLine.path("omitted").asInt()).isEqualTo(FINDINGS - 20);
    assertThat(summaryLine.path("message").asString()).isEqualTo("... and 39,980 more unknown_attribute warnings");
  }

  @Test
  void anErrorAfterThousandsOfWarningsIsListedAndFailsTheCheck() {
    CliRun run = CliRun.of("validate", "--json", bigWithAnError.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(bytes(run.out())).isLessThan(MAX_OUTPUT_BYTES);
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.path("valid").asBoolean()).isFalse();
    assertThat(json.path("severities").path("error").asInt()).isPositive();
    assertThat(json.path("diagnostics")).anySatisfy(d -> assertThat(d.path("severity").asString()).isEqualTo("error"));
    CliRun text = CliRun.of("validate", bigWithAnError.toString());
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(bytes(text.out())).isLessThan(MAX_OUTPUT_BYTES);
    assertThat(text.out()).contains("error[").contains(": invalid: ");
  }

  @Test
  void allListsEveryFinding() {
    CliRun run = CliRun.of("validate", "--json", "--all", big.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.path("diagnostics")).hasSize(FINDINGS);
    assertThat(json.path("shown").asInt()).isEqualTo(FINDINGS);
    assertThat(json.path("omitted").asInt()).isZero();
  }
}
