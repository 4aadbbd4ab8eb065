package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.ToolDefinition;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A tool for the high-level API (unified-llm-spec §5.1, §5.5): its definition plus, for an active tool, the
 * handler the tool loop runs. Passive tools have no handler; their calls are returned to the caller.
 */
public record Tool(ToolDefinition definition, Optional<ToolHandler> handler) {
  public Tool {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(handler, "handler");
  }

  public static Tool active(String name, String description, JsonNode parameters, ToolHandler handler) {
    return new Tool(new ToolDefinition(name, description, parameters), Optional.of(handler));
  }

  /** An active tool that takes no arguments. */
  public static Tool active(String name, String description, ToolHandler handler) {
    return new Tool(new ToolDefinition(name, description, null), Optional.of(handler));
  }

  public static Tool passive(String name, String description, JsonNode parameters) {
    return new Tool(new ToolDefinition(name, description, parameters), Optional.empty());
  }

  public String name() {
    return definition.name();
  }

  public boolean isActive() {
    return handler.isPresent();
  }
}
