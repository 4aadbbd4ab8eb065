package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolResult;
import dev.darkfactory.llm.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Runs one step's tool calls (unified-llm-spec §5.7-5.8): all at once on virtual threads, waiting for every one,
 * results in call order. Unknown tools, unparseable or invalid arguments (after an optional repair) and handler
 * exceptions become error results for the model, never exceptions.
 */
final class ToolExecutor {

  private final JsonSchemaValidator validator;
  private final Optional<ToolCallRepair> repair;

  ToolExecutor(JsonSchemaValidator validator, Optional<ToolCallRepair> repair) {
    this.validator = validator;
    this.repair = repair;
  }

  List<ToolResult> executeAll(List<ToolCall> calls, Map<String, Tool> tools, List<Message> conversation, AbortSignal signal) {
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<ToolResult>> futures = new ArrayList<>();
      for (ToolCall call : calls) {
        futures.add(executor.submit(() -> execute(call, tools.get(call.name()), conversation, signal)));
      }
      List<ToolResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        results.add(await(futures.get(i), calls.get(i)));
      }
      return results;
    }
  }

  private static ToolResult await(Future<ToolResult> future, ToolCall call) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolResult.error(call.id(), "Tool execution was interrupted");
    } catch (ExecutionException e) {
      return ToolResult.error(call.id(), "Tool failed: " + e.getCause());
    }
  }

  ToolResult execute(ToolCall call, Tool tool, List<Message> conversation, AbortSignal signal) {
    if (tool == null) {
      return ToolResult.error(call.id(), "Unknown tool: " + call.name());
    }
    if (tool.handler().isEmpty()) {
      return ToolResult.error(call.id(), "Tool " + call.name() + " has no handler and cannot be run automatically");
    }
    Optional<String> problem = problem(call, tool);
    ToolCall effective = call;
    if (problem.isPresent()) {
      Optional<ToolCall> repaired = repair.flatMap(fix -> fix.repair(call, tool, problem.get()));
      if (repaired.isEmpty() || problem(repaired.get(), tool).isPresent()) {
        return ToolResult.error(call.id(), "Invalid arguments for " + call.name() + ": " + problem.get());
      }
      effective = repaired.get();
    }
    try {
      Object output = tool.handler().get().execute(effective.arguments(), new ToolContext(conversation, signal, call.id()));
      return ToolResult.success(call.id(), toJson(output));
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return ToolResult.error(call.id(), "Tool " + call.name() + " failed: " + message);
    }
  }

  private Optional<String> problem(ToolCall call, Tool tool) {
    if (!call.argumentsParsed()) {
      return Optional.of("the arguments are not a JSON object: " + call.rawArguments().orElse(""));
    }
    return validator.validate(tool.definition().parameters(), call.arguments());
  }

  private static JsonNode toJson(Object output) {
    if (output == null) {
      return Json.text("");
    }
    if (output instanceof String text) {
      return Json.text(text);
    }
    return Json.toTree(output);
  }
}
