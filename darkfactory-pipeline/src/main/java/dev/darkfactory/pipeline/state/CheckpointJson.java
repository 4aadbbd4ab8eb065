package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.state.Checkpoint.NextStep;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The JSON form of a {@link Checkpoint}: the spec's field names of 5.3 ({@code timestamp}, {@code
 * current_node}, {@code completed_nodes}, {@code node_retries}, {@code context}, {@code logs}) plus
 * ours, all snake_case. Visit counts are implied by {@code completed_nodes}; execution counts are
 * stored only where they differ from it.
 */
final class CheckpointJson {
  static final int FORMAT = 1;

  private CheckpointJson() {}

  /**
   * Writes {@code c} as compact JSON, streaming: a checkpoint is written after every node and grows
   * with the run, so no tree is built. {@code node_visits} is left out (it equals each node's count
   * in {@code completed_nodes}) and {@code node_executions} lists only nodes whose count differs
   * from that, which keeps long linear runs' checkpoints small.
   */
  static byte[] write(Checkpoint c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 48 * c.completedNodes().size());
    try (JsonGenerator out = JsonValues.mapper().createGenerator(bytes)) {
      out.writeStartObject();
      out.writeNumberProperty("format", FORMAT);
      out.writeStringProperty("run_id", c.runId());
      out.writeStringProperty("graph_fingerprint", c.graphFingerprint());
      out.writeStringProperty("timestamp", c.timestamp().toString());
      out.writeStringProperty("status", c.status().wire());
      out.writeStringProperty("current_node", c.currentNode());
      if (c.next().isPresent()) {
        NextStep next = c.next().get();
        out.writeName("next");
        out.writeStartObject();
        out.writeStringProperty("node", next.nodeId());
        if (next.viaEdge()) {
          out.writeStringProperty("from", next.fromNode());
          out.writeNumberProperty("edge_index", next.viaEdgeIndex());
        }
        out.writeEndObject();
      }
      out.writeName("completed_nodes");
      out.writeStartArray();
      Map<String, Integer> occurrences = new HashMap<>();
      for (String id : c.completedNodes()) {
        out.writeString(id);
        occurrences.merge(id, 1, Integer::sum);
      }
      out.writeEndArray();
      // Completion order, so goal gates are checked in the order the run met them (3.4).
      out.writeName("node_outcomes");
      out.writeStartObject();
      for (Map.Entry<String, StageStatus> e : c.nodeOutcomes().entrySet()) {
        out.writeStringProperty(e.getKey(), e.getValue().wire());
      }
      out.writeEndObject();
      writeCounts(out, "node_retries", c.nodeRetries(), Map.of());
      writeCounts(out, "node_executions", c.nodeExecutions(), occurrences);
      out.writeNumberProperty("stage_count", c.stageCount());
      out.writeNumberProperty("goal_gate_retries", c.goalGateRetries());
      if (c.lastFidelity().isPresent()) {
        out.writeStringProperty("last_fidelity", c.lastFidelity().get().wire());
      }
      out.writeName("context");
      out.writeTree(JsonValues.toObject(c.contextValues()));
      out.writeName("logs");
      out.writeStartArray();
      for (String entry : c.logs()) {
        out.writeString(entry);
      }
      out.writeEndArray();
      if (c.finalOutcome().isPresent()) {
        out.writeName("final_outcome");
        out.writeTree(StatusFile.toJson(c.finalOutcome().get()));
      }
      if (c.stopReason().isPresent()) {
        StopReason reason = c.stopReason().get();
        out.writeName("stop_reason");
        out.writeStartObject();
        out.writeStringProperty("code", reason.code());
        out.writeStringProperty("message", reason.message());
        out.writeBooleanProperty("resumable", reason.resumable());
        out.writeEndObject();
      }
      if (c.restartedInto().isPresent()) {
        out.writeStringProperty("restarted_into", c.restartedInto().get());
      }
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** Counts that differ from {@code implied}; an absent entry means the implied count. */
  private static void writeCounts(JsonGenerator out, String field, Map<String, Integer> counts, Map<String, Integer> implied) {
    out.writeName(field);
    out.writeStartObject();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (!e.getValue().equals(implied.getOrDefault(e.getKey(), 0))) {
        out.writeNumberProperty(e.getKey(), e.getValue());
      }
    }
    out.writeEndObject();
  }

  static Checkpoint fromJson(JsonNode json) {
    if (json.path("format").asInt(0) != FORMAT) {
      throw new IllegalArgumentException("unsupported checkpoint format " + json.path("format").asString("(missing)"));
    }
    Map<String, StageStatus> outcomes = new LinkedHashMap<>(); // written in first-completion order
    json.path("node_outcomes").properties().forEach(e -> outcomes.put(e.getKey(),
        StageStatus.fromWire(e.getValue().asString()).orElseThrow(
            () -> new IllegalArgumentException("unknown status " + e.getValue() + " for node " + e.getKey()))));
    Optional<NextStep> next = Optional.empty();
    JsonNode step = json.get("next");
    if (step != null && step.isObject()) {
      next = Optional.of(new NextStep(step.path("node").asString(), step.path("from").asString(""), step.path("edge_index").asInt(-1)));
    }
    JsonNode stop = json.get("stop_reason");
    Optional<StopReason> stopReason = stop == null || !stop.isObject()
        ? Optional.empty()
        : Optional.of(new StopReason(stop.path("code").asString(), stop.path("message").asString(""), stop.path("resumable").asBoolean(true)));
    JsonNode finalOutcome = json.get("final_outcome");
    return new Checkpoint(
        required(json, "run_id"),
        required(json, "graph_fingerprint"),
        Instant.parse(required(json, "timestamp")),
        RunStatus.fromWire(required(json, "status")).orElseThrow(() -> new IllegalArgumentException("unknown run status")),
        JsonValues.text(json, "current_node", ""),
        next,
        JsonValues.strings(json, "completed_nodes"),
        outcomes,
        JsonValues.counts(json, "node_retries"),
        occurrences(JsonValues.strings(json, "completed_nodes")),
        withImplied(JsonValues.counts(json, "node_executions"), occurrences(JsonValues.strings(json, "completed_nodes"))),
        json.path("stage_count").asInt(0),
        json.path("goal_gate_retries").asInt(0),
        json.has("last_fidelity") ? FidelityMode.fromWire(json.get("last_fidelity").asString()) : Optional.empty(),
        JsonValues.fromObject(json.get("context")),
        JsonValues.strings(json, "logs"),
        finalOutcome == null || finalOutcome.isNull() ? Optional.empty() : Optional.of(StatusFile.fromJson(finalOutcome, "final_outcome")),
        stopReason,
        json.has("restarted_into") ? Optional.of(json.get("restarted_into").asString()) : Optional.empty());
  }

  /** How often each node appears in the completed list: its visits, since abandoned visits are not counted (and not completed). */
  private static Map<String, Integer> occurrences(List<String> completed) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    completed.forEach(id -> counts.merge(id, 1, Integer::sum));
    return counts;
  }

  private static Map<String, Integer> withImplied(Map<String, Integer> explicit, Map<String, Integer> implied) {
    Map<String, Integer> counts = new LinkedHashMap<>(implied);
    counts.putAll(explicit);
    return counts;
  }

  private static String required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field \"" + field + "\"");
    }
    return value.asString();
  }
}
