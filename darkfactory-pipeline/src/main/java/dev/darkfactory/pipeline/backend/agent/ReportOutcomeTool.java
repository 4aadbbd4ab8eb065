package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StatusFile;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code report_outcome}: the status-file contract (attractor-spec.md Appendix C) as a tool, so the
 * agent can decide its stage's outcome without knowing where the stage directory is. The arguments
 * are the fields of {@code status.json}; they are checked exactly as a status file is (outcome
 * values are exactly {@code success}, {@code partial_success}, {@code retry}, {@code fail}), and a
 * bad report goes back to the model as an error so it can correct it. The last report of a stage
 * wins.
 */
final class ReportOutcomeTool implements Tool {
  static final String NAME = "report_outcome";

  private final Supplier<Optional<StageRun>> current;

  ReportOutcomeTool(Supplier<Optional<StageRun>> current) {
    this.current = current;
  }

  @Override
  public ToolDefinition definition() {
    ObjectNode schema = JsonValues.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ObjectNode outcome = properties.putObject("outcome").put("type", "string")
        .put("description", "success: the stage's work is done. partial_success: done in part. retry: try this stage again."
            + " fail: it cannot be done (say why in failure_reason).");
    outcome.putArray("enum").add("success").add("partial_success").add("retry").add("fail");
    properties.putObject("notes").put("type", "string").put("description", "A short summary of what you did.");
    properties.putObject("failure_reason").put("type", "string").put("description", "Why the stage failed (with fail or retry).");
    properties.putObject("preferred_label").put("type", "string")
        .put("description", "The label of the outgoing edge the pipeline should take next, when the prompt names choices.");
    properties.putObject("suggested_next_ids").put("type", "array").put("description", "Node IDs to go to next, if no label fits.")
        .putObject("items").put("type", "string");
    properties.putObject("context_updates").put("type", "object")
        .put("description", "Key-value pairs to store in the pipeline context for later stages and edge conditions.");
    schema.putArray("required").add("outcome");
    return new ToolDefinition(NAME, "Report the outcome of this pipeline stage: call it once, when the stage's work is done or"
        + " cannot be done, before your final message. The pipeline routes on the outcome and the preferred label.", schema);
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    StageRun stage = current.get().orElse(null);
    if (stage == null) {
      return ToolOutput.error("report_outcome is only available while a pipeline stage runs");
    }
    JsonNode json = arguments.json();
    Outcome outcome;
    try {
      outcome = StatusFile.fromJson(json, NAME);
    } catch (IllegalArgumentException invalid) {
      return ToolOutput.error("Invalid report: " + invalid.getMessage()
          + ". Use outcome success, partial_success, retry or fail.");
    }
    stage.report(outcome);
    stage.note("agent reported " + outcome.status().wire()
        + (outcome.preferredLabel().isEmpty() ? "" : " (preferred label \"" + outcome.preferredLabel() + "\")"));
    return ToolOutput.text("Outcome recorded: " + outcome.status().wire() + ". End your turn with a one-paragraph summary.");
  }

  /** Reports change no files and run quickly; they may run beside other calls of the round. */
  @Override
  public boolean concurrencySafe() {
    return true;
  }
}
