package dev.darkfactory.llm.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SchemaRewriterTest {

  private static final JsonNode SCHEMA = Json.parse("""
            {"type":"object","additionalProperties":false,"$schema":"https://json-schema.org/draft/2020-12/schema",
             "properties":{"name":{"type":"string"},"age":{"type":"integer"},
               "tags":{"type":"array","items":{"type":"object","properties":{"label":{"type":"string"}}}},
               "nick":{"anyOf":[{"type":"string"},{"type":"number"}]}},
             "required":["name"]}
            """);

  @Test
  void openAiStrictRequiresEveryPropertyAndMakesOptionalOnesNullable() {
    JsonNode strict = SchemaRewriter.forOpenAiStrict(SCHEMA);
    assertThat(Json.write(strict.path("required"))).isEqualTo("[\"name\",\"age\",\"tags\",\"nick\"]");
    assertThat(Json.write(strict.path("properties").path("name").path("type"))).isEqualTo("\"string\"");
    assertThat(Json.write(strict.path("properties").path("age").path("type"))).isEqualTo("[\"integer\",\"null\"]");
    assertThat(strict.path("properties").path("nick").path("anyOf").size()).isEqualTo(2);
    assertThat(strict.path("properties").path("nick").path("anyOf").path(1).path("type").asString()).isEqualTo("null");
    JsonNode item = strict.path("properties").path("tags").path("items");
    assertThat(item.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(Json.write(item.path("required"))).isEqualTo("[\"label\"]");
    assertThat(SCHEMA.path("properties").path("age").path("type").asString()).as("input untouched").isEqualTo("integer");
  }

  @Test
  void geminiLosesAdditionalPropertiesAndGetsNullableInsteadOfTypeUnions() {
    JsonNode gemini = SchemaRewriter.forGemini(SchemaRewriter.forOpenAiStrict(SCHEMA));
    assertThat(gemini.findValues("additionalProperties")).isEmpty();
    assertThat(gemini.has("$schema")).isFalse();
    assertThat(gemini.path("properties").path("age").path("type").asString()).isEqualTo("integer");
    assertThat(gemini.path("properties").path("age").path("nullable").asBoolean()).isTrue();
  }
}
