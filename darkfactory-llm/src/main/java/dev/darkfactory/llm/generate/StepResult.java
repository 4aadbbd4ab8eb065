package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolResult;
import dev.darkfactory.llm.Usage;
import dev.darkfactory.llm.Warning;
import java.util.List;
import java.util.Optional;

/** One LLM call of a multi-step generation and the tools it ran (unified-llm-spec §4.3 StepResult). */
public record StepResult(Response response, List<ToolCall> toolCalls, List<ToolResult> toolResults) {
  public StepResult {
    toolCalls = List.copyOf(toolCalls);
    toolResults = List.copyOf(toolResults);
  }

  public String text() {
    return response.text();
  }

  public Optional<String> reasoning() {
    return response.reasoning();
  }

  public FinishReason finishReason() {
    return response.finishReason();
  }

  public Usage usage() {
    return response.usage();
  }

  public List<Warning> warnings() {
    return response.warnings();
  }
}
