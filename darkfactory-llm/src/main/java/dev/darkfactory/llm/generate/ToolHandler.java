package dev.darkfactory.llm.generate;

import tools.jackson.databind.JsonNode;

/**
 * Executes a tool (unified-llm-spec §5.2). Receives the parsed arguments and the injected context; returns a
 * string, a {@link JsonNode}, or any value Jackson can serialize. Throwing reports the failure to the model as an
 * error result instead of failing the generation.
 */
@FunctionalInterface
public interface ToolHandler {
    Object execute(JsonNode arguments, ToolContext context) throws Exception;
}
