package dev.darkfactory.pipeline.report;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.state.JsonValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A run's progress folded from its events (the {@code EventJson} form): each stage's latest status,
 * attempts, timing and usage, the decision audit, the current node. The same fold serves live runs
 * (event by event) and finished ones (replayed from {@code events.jsonl} after a restart), and both
 * the web UI and {@code factory status}, so they tell the same story.
 *
 * <p>Usage: any event carrying a {@code usage} object ({@code input_tokens}, {@code output_tokens},
 * {@code total_tokens}, {@code cost_usd}) with a {@code node_id} is added to that stage and to the
 * run. Backends that report nothing leave usage absent.
 */
public final class RunProjection {
  private static final int NOTES_KEPT = 50;

  private final Map<String, Stage> stages = new LinkedHashMap<>();
  private final List<JsonNode> decisions = new ArrayList<>();
  private Optional<String> currentNode = Optional.empty();
  private Optional<String> error = Optional.empty();
  private Usage runUsage;
  private long events;

  /**
   * The fold of an {@code events.jsonl} file: empty when there is none yet; a line that is not JSON
   * is skipped (only the last line of a killed process can be torn, and the checkpoint holds what matters).
   */
  public static RunProjection replay(Path events) {
    RunProjection projection = new RunProjection();
    try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        try {
          projection.apply(JsonValues.parse(line));
        } catch (JacksonException torn) {
          // A crash mid-write; the rest of the file is still worth showing.
        }
      }
    } catch (NoSuchFileException none) {
      return projection;
    } catch (IOException e) {
      throw new RunStorageException(events, "cannot read " + events + ": " + IoReasons.of(e), e);
    }
    return projection;
  }

  /** Applies one event. Unknown event types are counted and otherwise ignored. */
  public synchronized void apply(JsonNode event) {
    events++;
    String type = event.path("type").asString("");
    String nodeId = event.path("node_id").asString("");
    Instant at = instant(event);
    switch (type) {
      case "StageStarted" -> {
        Stage stage = stages.computeIfAbsent(nodeId, id -> new Stage(id, event.path("name").asString(id)));
        stage.handlerType = event.path("handler_type").asString("");
        stage.status = "running";
        stage.attempts++;
        stage.index = event.path("index").asInt();
        stage.startedAt = at;
        stage.duration = Optional.empty();
        stage.error = Optional.empty();
        currentNode = Optional.of(nodeId);
      }
      case "StageCompleted" -> stage(nodeId).ifPresent(stage -> {
        stage.status = event.path("status").asString("success");
        stage.duration = Optional.of(event.path("duration_ms").asLong());
        String notes = event.path("notes").asString("");
        stage.notes = notes.isEmpty() ? Optional.empty() : Optional.of(notes);
      });
      case "StageFailed" -> stage(nodeId).ifPresent(stage -> {
        stage.status = event.path("will_retry").asBoolean() ? "retrying" : "fail";
        stage.error = Optional.of(event.path("error").asString(""));
        stage.duration = Optional.of(java.time.Duration.between(stage.startedAt, at).toMillis());
      });
      case "StageRetrying" -> stage(nodeId).ifPresent(stage -> stage.status = "retrying");
      case "InterviewStarted" -> stage(event.path("question").path("stage").asString(event.path("stage").asString("")))
          .ifPresent(stage -> stage.status = "waiting");
      case "InterviewCompleted", "InterviewTimeout" -> stage(event.path("question").path("stage").asString(""))
          .filter(stage -> stage.status.equals("waiting")).ifPresent(stage -> stage.status = "running");
      case "EdgeSelected" -> decisions.add(event.path("decision"));
      case "StageNote" -> stage(nodeId).ifPresent(stage -> {
        stage.notesLog.add(event.path("message").asString(""));
        if (stage.notesLog.size() > NOTES_KEPT) {
          stage.notesLog.removeFirst();
        }
      });
      case "PipelineFailed" -> {
        error = Optional.of(event.path("error").asString(""));
        currentNode = Optional.empty();
      }
      case "PipelineStopped" -> {
        error = Optional.of(event.path("message").asString(event.path("reason").asString("")));
        currentNode = Optional.empty();
      }
      case "PipelineCompleted" -> currentNode = Optional.empty();
      case "PipelineStarted" -> error = Optional.empty();
      default -> {
        // Parallel, checkpoint and goal-gate events change no stage row.
      }
    }
    JsonNode usage = event.get("usage");
    if (usage != null && usage.isObject()) {
      Usage delta = Usage.of(usage);
      runUsage = runUsage == null ? delta : runUsage.plus(delta);
      stage(nodeId).ifPresent(stage -> stage.usage = stage.usage == null ? delta : stage.usage.plus(delta));
    }
  }

  private Optional<Stage> stage(String nodeId) {
    return Optional.ofNullable(stages.get(nodeId));
  }

  public synchronized List<StageProgress> stages() {
    return stages.values().stream().map(Stage::toProgress).toList();
  }

  /** Node id to its status, the colour key of the graph. */
  public synchronized Map<String, String> nodeStatus() {
    Map<String, String> statuses = new LinkedHashMap<>();
    stages.values().forEach(stage -> statuses.put(stage.nodeId, stage.status));
    return statuses;
  }

  public synchronized List<JsonNode> decisions() {
    return List.copyOf(decisions);
  }

  public synchronized Optional<String> currentNode() {
    return currentNode;
  }

  public synchronized Optional<String> error() {
    return error;
  }

  public synchronized Optional<UsageTotals> usage() {
    return Optional.ofNullable(runUsage).map(Usage::totals);
  }

  public synchronized long eventCount() {
    return events;
  }

  private static Instant instant(JsonNode event) {
    try {
      return Instant.parse(event.path("at").asString());
    } catch (RuntimeException unparsable) {
      return Instant.EPOCH;
    }
  }

  /** Token and cost counts. */
  record Usage(long input, long output, long total, Optional<Double> cost) {
    static Usage of(JsonNode json) {
      long input = json.path("input_tokens").asLong(0);
      long output = json.path("output_tokens").asLong(0);
      long total = json.has("total_tokens") ? json.path("total_tokens").asLong() : input + output;
      Optional<Double> cost = json.has("cost_usd") ? Optional.of(json.path("cost_usd").asDouble()) : Optional.empty();
      return new Usage(input, output, total, cost);
    }

    Usage plus(Usage other) {
      Optional<Double> sum = cost.isEmpty() && other.cost.isEmpty() ? Optional.empty()
          : Optional.of(cost.orElse(0.0) + other.cost.orElse(0.0));
      return new Usage(input + other.input, output + other.output, total + other.total, sum);
    }

    UsageTotals totals() {
      return new UsageTotals(input, output, total, cost);
    }
  }

  private static final class Stage {
    final String nodeId;
    final String name;
    final List<String> notesLog = new ArrayList<>();
    String handlerType = "";
    String status = "running";
    int attempts;
    int index;
    Instant startedAt = Instant.EPOCH;
    Optional<Long> duration = Optional.empty();
    Optional<String> notes = Optional.empty();
    Optional<String> error = Optional.empty();
    Usage usage;

    Stage(String nodeId, String name) {
      this.nodeId = nodeId;
      this.name = name;
    }

    StageProgress toProgress() {
      return new StageProgress(nodeId, name, handlerType, status, attempts, index, startedAt, duration, notes, error,
          Optional.ofNullable(usage).map(Usage::totals), notesLog);
    }
  }
}
