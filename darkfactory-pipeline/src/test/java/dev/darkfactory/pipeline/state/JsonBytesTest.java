package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonBytes} streams the bytes the mapper writes for the same values as a tree (so the files
 * the engine writes on every node read as the tree forms do), instants as {@link Instant#toString},
 * and splices parts into compact writers.
 */
class JsonBytesTest {
  private final Random random = new Random(20261125);

  @Test
  void compactOutputIsJacksonsForRandomContextValues() {
    for (int i = 0; i < 5000; i++) {
      Map<String, Object> values = randomObject(0);
      String expected = new String(JsonValues.mapper().writeValueAsBytes(JsonValues.toObject(values)), StandardCharsets.UTF_8);
      assertThat(JsonBytes.compact(16).values(values).toString()).isEqualTo(expected);
    }
  }

  @Test
  void prettyOutputIsJacksonsDefaultPrettyPrinter() {
    for (int i = 0; i < 5000; i++) {
      Map<String, Object> values = randomObject(0);
      String expected = JsonValues.pretty(JsonValues.toObject(values));
      assertThat(JsonBytes.pretty(16).values(values).toString()).isEqualTo(expected);
    }
    assertThat(JsonBytes.pretty(16).values(Map.of()).toString()).isEqualTo(JsonValues.pretty(JsonValues.object()));
  }

  @Test
  void statusFilesAreWrittenAsBefore() {
    Outcome outcome = Outcome.fail("tests \"red\"\n").withNotes("ran 3 suites: ✓✓✗").withPreferredLabel("Fix")
        .withSuggestedNextIds(List.of("implement", "plan")).withContextUpdates(Map.of("tool.exit_code", 1, "paths", List.of("a/b", "c")));
    JsonBytes json = JsonBytes.pretty(16);
    StatusFile.write(json, outcome);
    assertThat(json.toString()).isEqualTo(JsonValues.pretty(StatusFile.toJson(outcome)));
  }

  @Test
  void escapesAndUnicodeFollowJackson() {
    String text = "quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f nul \u0000 us \u001f del \u007f é € 😀";
    String expected = new String(JsonValues.mapper().writeValueAsBytes(text), StandardCharsets.UTF_8);
    assertThat(JsonBytes.compact(16).string(text).toString()).isEqualTo(expected);
    // A surrogate pair is one 4-byte UTF-8 sequence; a lone surrogate cannot be UTF-8 and is escaped.
    assertThat(JsonBytes.compact(16).string("😀").toByteArray()).hasSize(6);
    assertThat(JsonBytes.compact(16).string("a\uD83Db").toString()).isEqualTo("\"a\\uD83Db\"");
  }

  @Test
  void decimalsAreWrittenAsJacksonWritesThem() {
    for (double d : new double[] {0.0, -0.0, 1.5, 1e-7, 1e21, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      String expected = new String(JsonValues.mapper().writeValueAsBytes(JsonValues.toNode(d)), StandardCharsets.UTF_8);
      assertThat(JsonBytes.compact(16).decimal(d).toString()).as("%s", d).isEqualTo(expected);
    }
  }

  @Test
  void instantsAreWrittenAsInstantToString() {
    JsonBytes json = JsonBytes.compact(16);
    for (Instant instant : List.of(Instant.EPOCH, Instant.parse("2026-11-25T13:46:51.000700Z"), Instant.MIN, Instant.MAX)) {
      assertThat(json.clear().instant(instant).toString()).isEqualTo("\"" + instant + "\"");
    }
  }

  @Test
  void partsGrowAcrossWritesAndSpliceAsTheWholeContentOfAContainer() {
    JsonBytes elements = JsonBytes.elements(4);
    JsonBytes members = JsonBytes.members(4);
    JsonBytes out = JsonBytes.compact(4);
    assertThat(out.beginObject().name("list").beginArray().splice(elements).endArray()
        .name("map").beginObject().splice(members).endObject().endObject().toString()).isEqualTo("{\"list\":[],\"map\":{}}");
    elements.string("a");
    members.name("a").string("success");
    out.clear().beginArray().splice(elements).endArray();
    elements.string("b\n").number(3);
    members.name("b").string("fail");
    out.clear().beginObject().name("list").beginArray().splice(elements).endArray()
        .name("map").beginObject().splice(members).endObject().name("after").bool(true).endObject();
    assertThat(out.toString()).isEqualTo("{\"list\":[\"a\",\"b\\n\",3],\"map\":{\"a\":\"success\",\"b\":\"fail\"},\"after\":true}");
    elements.clear().string("c");
    assertThat(JsonBytes.compact(4).beginArray().splice(elements).endArray().toString()).isEqualTo("[\"c\"]");
  }

  @Test
  void onlyPartsSpliceAndOnlyIntoCompactWriters() {
    assertThatThrownBy(() -> JsonBytes.compact(4).beginArray().splice(JsonBytes.compact(4)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> JsonBytes.pretty(4).beginArray().splice(JsonBytes.elements(4)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void membersAndElementsAreSeparatedAtEveryLevel() {
    JsonBytes json = JsonBytes.compact(4);
    json.beginObject().name("a").beginArray().number(1).string("x").beginObject().endObject().beginArray().endArray().endArray()
        .name("b").bool(true).name("c").nullValue().endObject();
    assertThat(json.toString()).isEqualTo("{\"a\":[1,\"x\",{},[]],\"b\":true,\"c\":null}");
  }

  private Map<String, Object> randomObject(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < size; i++) {
      map.put(randomString() + i, randomValue(depth + 1));
    }
    return map;
  }

  private Object randomValue(int depth) {
    int kind = random.nextInt(depth > 3 ? 5 : 7);
    return switch (kind) {
      case 0 -> randomString();
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong() >> random.nextInt(64);
      case 3 -> switch (random.nextInt(5)) {
        case 0 -> Double.NaN;
        case 1 -> Double.NEGATIVE_INFINITY;
        case 2 -> -0.0;
        default -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      };
      case 4 -> (long) random.nextInt(100);
      case 5 -> {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          list.add(randomValue(depth + 1));
        }
        yield list;
      }
      default -> randomObject(depth);
    };
  }

  /** Printable ASCII mostly, with escapes, control characters, 2- and 3-byte characters and surrogate pairs. */
  private String randomString() {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(10);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(10)) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.append("\"\\/\u007f".charAt(random.nextInt(4)));
        case 2 -> text.append((char) (0x80 + random.nextInt(0x780)));
        case 3 -> text.append((char) (0x800 + random.nextInt(0xD000 - 0x800)));
        case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        default -> text.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return text.toString();
  }
}
