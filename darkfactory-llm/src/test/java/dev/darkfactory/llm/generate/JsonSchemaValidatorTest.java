package dev.darkfactory.llm.generate;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** The one JSON Schema validator: tool arguments (agent and generator) and structured output. */
class JsonSchemaValidatorTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNode SCHEMA = JSON.readTree("""
      {"type": "object", "properties": {"path": {"type": "string"}, "limit": {"type": "integer"}}, "required": ["path"]}""");

  private final JsonSchemaValidator validator = new JsonSchemaValidator();

  @Test
  void conformingValuesHaveNoViolations() {
    assertThat(validator.violations(SCHEMA, JSON.readTree("{\"path\": \"a.txt\", \"limit\": 3}"))).isEmpty();
    assertThat(validator.validate(SCHEMA, JSON.readTree("{\"path\": \"a.txt\"}"))).isEmpty();
  }

  @Test
  void eachViolationNamesWhereItIsAndTheMessageJoinsThem() {
    JsonNode bad = JSON.readTree("{\"limit\": \"three\"}");
    assertThat(validator.violations(SCHEMA, bad)).hasSize(2)
        .anySatisfy(v -> assertThat(v).contains("path"))
        .anySatisfy(v -> assertThat(v).startsWith("/limit").contains("integer"));
    assertThat(validator.validate(SCHEMA, bad)).hasValueSatisfying(message -> assertThat(message).contains("; "));
  }
}
