package dev.darkfactory.agent.tool;

import dev.darkfactory.agent.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A tool call's arguments with typed accessors. The schema has been checked already, so these
 * only fail for constraints a schema cannot express.
 */
public record ToolArguments(JsonNode json) {
  public ToolArguments {
    Objects.requireNonNull(json, "json");
  }

  public String string(String name) {
    return optionalString(name)
        .orElseThrow(() -> new ToolException(ToolException.Kind.INVALID_ARGUMENTS, "Missing required argument: " + name));
  }

  public Optional<String> optionalString(String name) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
  }

  public Optional<Integer> optionalInt(String name) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asInt());
  }

  public Optional<Long> optionalLong(String name) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asLong());
  }

  public boolean flag(String name, boolean fallback) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? fallback : value.asBoolean();
  }

  public List<String> strings(String name) {
    List<String> values = new ArrayList<>();
    JsonNode value = json.get(name);
    if (value != null && value.isArray()) {
      value.forEach(item -> values.add(item.asString()));
    }
    return values;
  }
}
