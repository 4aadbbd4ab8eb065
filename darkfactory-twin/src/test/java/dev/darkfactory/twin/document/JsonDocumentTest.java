package dev.darkfactory.twin.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.twin.DocumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonDocumentTest {

  @Test
  void everyValueKnowsWhereItWasWritten() {
    JsonDocument document = JsonDocument.parse("x.json", "{\n  \"a\": [1,\n    {\"b\": \"c\"}]\n}", DocumentFormat.JSON);

    assertThat(document.position("/a")).isEqualTo(new Position(2, 8));
    assertThat(document.position("/a/1/b")).isEqualTo(new Position(3, 11));
    assertThat(document.root().require("a").json().size()).isEqualTo(2);
  }

  @Test
  void yamlPositionsAreKeptToo() {
    JsonDocument document = JsonDocument.parse("x.yaml", "faults:\n  - route: GET /x\n    nth: 2\n", DocumentFormat.YAML);

    assertThat(document.position("/faults/0/nth")).isEqualTo(new Position(3, 10));
  }

  @Test
  void aSyntaxErrorSaysWhereAndWhat() {
    assertThatThrownBy(() -> JsonDocument.parse("rules.json", "{\"a\": 1,,}", DocumentFormat.JSON))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("rules.json:1:9: not valid JSON");
    assertThatThrownBy(() -> JsonDocument.parse("rules.yaml", "a: [1, 2\nb: 3\n", DocumentFormat.YAML))
        .isInstanceOf(DocumentException.class)
        .hasMessageStartingWith("rules.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void duplicateKeysAreRefusedNotSilentlyOverwritten() {
    assertThatThrownBy(() -> JsonDocument.parse("x.json", "{\"a\": 1, \"a\": 2}", DocumentFormat.JSON))
        .hasMessageContaining("duplicate field 'a'");
  }

  @Test
  void unknownFieldsAreRefusedWithASuggestion() {
    DocumentNode root = JsonDocument.parse("x.json", "{\n \"nht\": 2}", DocumentFormat.JSON).root();

    assertThatThrownBy(() -> root.allowOnly(Set.of("nth", "route")))
        .hasMessage("x.json:2:2: unknown field 'nht' (did you mean 'nth'?); expected one of: nth, route");
  }

  @Test
  void typedReadsSayWhatWasExpected() {
    DocumentNode root = JsonDocument.parse("x.json", "{\"n\": \"two\", \"d\": \"5 minutes\", \"ok\": \"250ms\"}",
        DocumentFormat.JSON).root();

    assertThatThrownBy(() -> root.require("n").integer()).hasMessage("x.json:1:7: expected a whole number, found the string 'two'");
    assertThatThrownBy(() -> root.require("d").duration()).hasMessageContaining("expected a duration such as 250ms");
    assertThat(root.require("ok").duration()).isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> root.require("missing")).hasMessage("x.json:1:1: missing field 'missing'");
  }

  @Test
  void filesAreReadByExtensionAndAMissingFileIsNamed(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("seed.yml"), "a: 1\n");

    assertThat(JsonDocument.read(yaml).root().require("a").integer()).isEqualTo(1);
    assertThatThrownBy(() -> JsonDocument.read(dir.resolve("nope.json"))).hasMessageEndingWith("nope.json: no such file");
  }

  @Test
  void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    assertThatThrownBy(() -> JsonDocument.parse("x.json", deep, DocumentFormat.JSON)).isInstanceOf(DocumentException.class);
  }

  @Test
  void durationsInEveryAcceptedForm() {
    assertThat(Durations.parse("1.5s")).contains(Duration.ofMillis(1500));
    assertThat(Durations.parse("2m")).contains(Duration.ofMinutes(2));
    assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("PT0.25S")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("-1s")).isEmpty();
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
  }
}
