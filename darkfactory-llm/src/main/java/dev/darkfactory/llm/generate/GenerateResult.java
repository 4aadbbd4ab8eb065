package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.Cost;
import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolResult;
import dev.darkfactory.llm.Usage;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of {@code generate()} or {@code generateObject()} (unified-llm-spec §4.3 GenerateResult). Fields of
 * the final step are top-level; {@code totalUsage} and {@code totalCost} cover every step.
 */
public record GenerateResult(List<StepResult> steps, Usage totalUsage, Optional<JsonNode> output) {
  public GenerateResult {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("A generation has at least one step");
    }
    steps = List.copyOf(steps);
    output = output.map(JsonNode::deepCopy);
  }

  static GenerateResult of(List<StepResult> steps) {
    Usage total = steps.stream().map(StepResult::usage).reduce(Usage.empty(), Usage::plus);
    return new GenerateResult(steps, total, Optional.empty());
  }

  GenerateResult withOutput(JsonNode value) {
    return new GenerateResult(steps, totalUsage, Optional.of(value));
  }

  private StepResult last() {
    return steps.get(steps.size() - 1);
  }

  public Response response() {
    return last().response();
  }

  public String text() {
    return last().text();
  }

  public Optional<String> reasoning() {
    return last().reasoning();
  }

  public List<ToolCall> toolCalls() {
    return last().toolCalls();
  }

  public List<ToolResult> toolResults() {
    return last().toolResults();
  }

  public FinishReason finishReason() {
    return last().finishReason();
  }

  /** Usage of the final step only. */
  public Usage usage() {
    return last().usage();
  }

  /** The summed cost of all steps, when every step's model is priced. */
  public Optional<Cost> totalCost() {
    Cost total = Cost.zero();
    for (StepResult step : steps) {
      if (step.response().cost().isEmpty()) {
        return Optional.empty();
      }
      total = total.plus(step.response().cost().get());
    }
    return Optional.of(total);
  }
}
