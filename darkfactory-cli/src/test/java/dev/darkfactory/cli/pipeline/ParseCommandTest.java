package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.cli.render.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ParseCommandTest {
  @TempDir Path dir;

  @Test
  void printsTypedJson() throws IOException {
    Path file = Files.writeString(dir.resolve("p.dot"), """
        digraph P {
          goal = "Ship"
          start [shape=Mdiamond]
          work [timeout=900s, max_retries=2, goal_gate=true, weight_hint=0.5]
          start -> work [weight=3, condition="outcome=success"]
        }
        """);
    CliRun run = CliRun.of("parse", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("name").asString()).isEqualTo("P");
    assertThat(json.get("attributes").get("goal").asString()).isEqualTo("Ship");
    JsonNode work = json.get("nodes").get(1);
    assertThat(work.get("id").asString()).isEqualTo("work");
    assertThat(work.get("attributes").get("timeout").isString()).isTrue();
    assertThat(work.get("attributes").get("timeout").asString()).isEqualTo("900s");
    assertThat(work.get("attributes").get("max_retries").isIntegralNumber()).isTrue();
    assertThat(work.get("attributes").get("goal_gate").isBoolean()).isTrue();
    assertThat(work.get("attributes").get("weight_hint").isFloatingPointNumber()).isTrue();
    JsonNode edge = json.get("edges").get(0);
    assertThat(edge.get("from").asString()).isEqualTo("start");
    assertThat(edge.get("to").asString()).isEqualTo("work");
    assertThat(edge.get("attributes").get("weight").asInt()).isEqualTo(3);
  }

  @Test
  void syntaxErrorIsReportedWithPositionAndExit2() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.dot"), "digraph P {\n  a [x=1 y=2]\n}\n");
    CliRun run = CliRun.of("parse", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: " + file + ":2:10: expected ',' or ']'").contains("^");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void missingFileExit2() {
    CliRun run = CliRun.of("parse", dir.resolve("missing.dot").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: cannot read " + dir.resolve("missing.dot") + ": no such file\n");
  }

  @Test
  void missingArgumentIsAUsageError() {
    CliRun run = CliRun.of("parse");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'FILE'").contains("Run 'factory parse --help' for its options.")
        .doesNotContain("Usage:");
  }
}
