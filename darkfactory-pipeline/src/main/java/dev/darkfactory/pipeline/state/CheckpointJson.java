package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.state.Checkpoint.NextStep;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link Checkpoint}: the spec's field names of 5.3 ({@code timestamp}, {@code
 * current_node}, {@code completed_nodes}, {@code node_retries}, {@code context}, {@code logs}) plus
 * ours, all snake_case.
 */
final class CheckpointJson {
  static final int FORMAT = 1;

  private CheckpointJson() {}

  static ObjectNode toJson(Checkpoint c) {
    ObjectNode json = JsonValues.object();
    json.put("format", FORMAT);
    json.put("run_id", c.runId());
    json.put("graph_fingerprint", c.graphFingerprint());
    json.put("timestamp", c.timestamp().toString());
    json.put("status", c.status().wire());
    json.put("current_node", c.currentNode());
    c.next().ifPresent(next -> {
      ObjectNode step = json.putObject("next");
      step.put("node", next.nodeId());
      if (next.viaEdge()) {
        step.put("from", next.fromNode());
        step.put("edge_index", next.viaEdgeIndex());
      }
    });
    ArrayNode completed = json.putArray("completed_nodes");
    c.completedNodes().forEach(completed::add);
    ObjectNode outcomes = json.putObject("node_outcomes");
    // Completion order, so goal gates are checked in the order the run met them (3.4).
    for (String id : c.completedNodes()) {
      StageStatus status = c.nodeOutcomes().get(id);
      if (status != null && !outcomes.has(id)) {
        outcomes.put(id, status.wire());
      }
    }
    json.set("node_retries", counts(c.nodeRetries()));
    json.set("node_visits", counts(c.nodeVisits()));
    json.set("node_executions", counts(c.nodeExecutions()));
    json.put("stage_count", c.stageCount());
    json.put("goal_gate_retries", c.goalGateRetries());
    c.lastFidelity().ifPresent(mode -> json.put("last_fidelity", mode.wire()));
    json.set("context", JsonValues.toObject(c.contextValues()));
    ArrayNode logs = json.putArray("logs");
    c.logs().forEach(logs::add);
    c.finalOutcome().ifPresent(outcome -> json.set("final_outcome", StatusFile.toJson(outcome)));
    c.stopReason().ifPresent(reason -> {
      ObjectNode stop = json.putObject("stop_reason");
      stop.put("code", reason.code());
      stop.put("message", reason.message());
      stop.put("resumable", reason.resumable());
    });
    c.restartedInto().ifPresent(dir -> json.put("restarted_into", dir));
    return json;
  }

  static Checkpoint fromJson(JsonNode json) {
    if (json.path("format").asInt(0) != FORMAT) {
      throw new IllegalArgumentException("unsupported checkpoint format " + json.path("format").asString("(missing)"));
    }
    Map<String, StageStatus> outcomes = new LinkedHashMap<>();
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
        JsonValues.counts(json, "node_visits"),
        JsonValues.counts(json, "node_executions"),
        json.path("stage_count").asInt(0),
        json.path("goal_gate_retries").asInt(0),
        json.has("last_fidelity") ? FidelityMode.fromWire(json.get("last_fidelity").asString()) : Optional.empty(),
        JsonValues.fromObject(json.get("context")),
        JsonValues.strings(json, "logs"),
        finalOutcome == null || finalOutcome.isNull() ? Optional.empty() : Optional.of(StatusFile.fromJson(finalOutcome, "final_outcome")),
        stopReason,
        json.has("restarted_into") ? Optional.of(json.get("restarted_into").asString()) : Optional.empty());
  }

  private static ObjectNode counts(Map<String, Integer> counts) {
    ObjectNode json = JsonValues.object();
    counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> json.put(e.getKey(), e.getValue()));
    return json;
  }

  private static String required(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field \"" + field + "\"");
    }
    return value.asString();
  }
}
