package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.CheckpointStore;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StatusFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The run so far, read back from its directory (attractor-spec.md 5.6): the completed stages in
 * order with their outcomes (the checkpoint), what each stage reported ({@code status.json}), the
 * tools each agent stage called ({@code agent-events.jsonl}), and the notable engine events
 * ({@code events.jsonl}: retries, failures, goal-gate loops, human answers). Reading the directory
 * rather than memory keeps preambles right after a resume.
 */
record RunHistory(String runId, List<StageRecord> stages, List<String> notableEvents) {

  /** One completed stage. {@code toolCalls} are one-line summaries, oldest first. */
  record StageRecord(String nodeId, String status, String notes, String failureReason, String preferredLabel, List<String> toolCalls,
      String finalText) {}

  RunHistory {
    stages = List.copyOf(stages);
    notableEvents = List.copyOf(notableEvents);
  }

  static RunHistory read(Path logsRoot, String runId) {
    Optional<Checkpoint> checkpoint = loadCheckpoint(logsRoot);
    List<StageRecord> stages = new ArrayList<>();
    checkpoint.ifPresent(c -> {
      for (String nodeId : c.completedNodes()) {
        StageStatus status = c.nodeOutcomes().get(nodeId);
        stages.add(stage(logsRoot.resolve(nodeId), nodeId, status == null ? "" : status.wire()));
      }
    });
    return new RunHistory(runId, stages, notableEvents(logsRoot.resolve(RunDirectory.EVENTS_FILE)));
  }

  private static Optional<Checkpoint> loadCheckpoint(Path logsRoot) {
    try {
      return CheckpointStore.in(logsRoot).load();
    } catch (RuntimeException unreadable) {
      // A preamble is a courtesy to the model; a damaged checkpoint is the engine's to report.
      return Optional.empty();
    }
  }

  private static StageRecord stage(Path stageDir, String nodeId, String status) {
    String notes = "";
    String failure = "";
    String label = "";
    Optional<JsonNode> statusJson = readJson(stageDir.resolve(StatusFile.FILE_NAME));
    if (statusJson.isPresent()) {
      notes = JsonValues.text(statusJson.get(), "notes", "");
      failure = JsonValues.text(statusJson.get(), "failure_reason", "");
      label = JsonValues.text(statusJson.get(), "preferred_label", "");
    }
    List<String> tools = new ArrayList<>();
    String finalText = "";
    for (JsonNode event : lines(stageDir.resolve(StageRun.EVENTS_FILE))) {
      String type = event.path("type").asString();
      JsonNode data = event.path("data");
      if (type.equals("tool_call_start")) {
        tools.add(ToolCallSummary.of(data.path("tool_name").asString(), data.path("arguments")));
      } else if (type.equals("assistant_text_end") && !data.path("text").asString().isBlank()) {
        finalText = data.path("text").asString();
      }
    }
    return new StageRecord(nodeId, status, notes, failure, label, tools, finalText);
  }

  private static List<String> notableEvents(Path eventsFile) {
    List<String> notable = new ArrayList<>();
    for (JsonNode event : lines(eventsFile)) {
      String node = event.path("node_id").asString("");
      switch (event.path("type").asString()) {
        case "StageFailed" -> notable.add("stage " + node + " failed: " + event.path("error").asString("")
            + (event.path("will_retry").asBoolean(false) ? " (retried)" : ""));
        case "GoalGateUnsatisfied" -> notable.add("goal gate " + event.path("gate_node_id").asString("") + " was unsatisfied ("
            + event.path("status").asString("") + "); the run went back to " + event.path("retry_target").asString("its retry target"));
        case "InterviewCompleted" -> notable.add("a human answered " + event.path("answer").toString() + " at "
            + event.path("question").path("stage").asString(""));
        case "PipelineStopped" -> notable.add("the run stopped (" + event.path("message").asString("") + ") and was resumed");
        default -> { }
      }
    }
    return notable;
  }

  private static Optional<JsonNode> readJson(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8))) : Optional.empty();
    } catch (IOException | JacksonException unreadable) {
      return Optional.empty();
    }
  }

  private static List<JsonNode> lines(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<JsonNode> parsed = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.filter(line -> !line.isBlank()).forEach(line -> {
        try {
          parsed.add(JsonValues.parse(line));
        } catch (JacksonException torn) {
          // The last line of a log being written may be incomplete; skip it.
        }
      });
    } catch (IOException | java.io.UncheckedIOException unreadable) {
      return parsed;
    }
    return parsed;
  }
}
