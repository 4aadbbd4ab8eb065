package dev.darkfactory.llm.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartialJsonTest {

  private static String parse(String prefix) {
    return PartialJson.parse(prefix).map(Json::write).orElse("<none>");
  }

  @Test
  void closesOpenStringsArraysAndObjects() {
    assertThat(parse("{\"name\": \"Al")).isEqualTo("{\"name\":\"Al\"}");
    assertThat(parse("{\"recipes\": [{\"title\": \"Soup\"}, {\"title\": \"Br")).isEqualTo("{\"recipes\":[{\"title\":\"Soup\"},{\"title\":\"Br\"}]}");
  }

  @Test
  void dropsAnIncompleteTrailingMember() {
    assertThat(parse("{\"a\": 1, \"b")).isEqualTo("{\"a\":1}");
    assertThat(parse("{\"a\": 1, \"b\":")).isEqualTo("{\"a\":1}");
    assertThat(parse("{\"a\": 1, \"b\": tr")).isEqualTo("{\"a\":1}");
  }

  @Test
  void handlesEscapesAndFences() {
    assertThat(parse("```json\n{\"q\": \"say \\\"hi")).isEqualTo("{\"q\":\"say \\\"hi\"}");
    assertThat(parse("{\"q\": \"back\\")).isEqualTo("{\"q\":\"back\"}");
  }

  @Test
  void nothingBeforeTheFirstBraceIsEmpty() {
    assertThat(PartialJson.parse("Sure, here")).isEmpty();
    assertThat(parse("{")).isEqualTo("{}");
  }
}
