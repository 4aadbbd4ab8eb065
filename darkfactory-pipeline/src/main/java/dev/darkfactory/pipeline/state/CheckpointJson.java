package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.state.Checkpoint.NextStep;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.List;
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

  /** {@code c} as compact JSON (the HTTP API's checkpoint endpoint, tests); saving uses an {@link Encoder} per store. */
  static byte[] write(CheckpointContent c) {
    return new Encoder().encode(c).toByteArray();
  }

  /**
   * Encodes the checkpoints of one store as compact JSON. {@code node_visits} is left out (it
   * equals each node's count in {@code completed_nodes}) and {@code node_executions} lists only
   * counts that differ from that, which keeps long linear runs' checkpoints small.
   *
   * <p>A checkpoint is written after every node and its {@code completed_nodes} and {@code
   * node_outcomes} grow with the run, so re-encoding them each time makes a run quadratic. When the
   * content is the same live list and map as last time, only the nodes completed since are encoded
   * and the rest is copied as bytes (see {@link CheckpointContent} for what a live content may
   * change between saves). Anything else is encoded from scratch. Not thread-safe: its store
   * serialises saves.
   */
  static final class Encoder {
    private final JsonBytes out = JsonBytes.compact(4096);
    private final JsonBytes completed = JsonBytes.elements(1024);
    private final JsonBytes outcomes = JsonBytes.members(1024);
    /** The list and map the cached bytes were encoded from, and how much of the list they cover. */
    private List<String> completedSource;
    private Map<String, StageStatus> outcomesSource;
    private int completedEncoded;
    /** The status each node's cached {@code node_outcomes} entry holds. */
    private final Map<String, StageStatus> encodedOutcomes = new HashMap<>();

    /** The checkpoint's JSON, in a buffer this encoder reuses (valid until the next call). */
    JsonBytes encode(CheckpointContent c) {
      updateProgress(c.completedNodes(), c.nodeOutcomes());
      JsonBytes json = out.clear();
      json.beginObject();
      json.name("format").number(FORMAT);
      json.name("run_id").string(c.runId());
      json.name("graph_fingerprint").string(c.graphFingerprint());
      json.name("timestamp").instant(c.timestamp());
      json.name("status").string(c.status().wire());
      json.name("current_node").string(c.currentNode());
      if (c.next().isPresent()) {
        NextStep next = c.next().get();
        json.name("next").beginObject().name("node").string(next.nodeId());
        if (next.viaEdge()) {
          json.name("from").string(next.fromNode()).name("edge_index").number(next.viaEdgeIndex());
        }
        json.endObject();
      }
      json.name("completed_nodes").beginArray().splice(completed).endArray();
      // Completion order, so goal gates are checked in the order the run met them (3.4).
      json.name("node_outcomes").beginObject().splice(outcomes).endObject();
      writeCounts(json, "node_retries", c.nodeRetries(), false);
      writeCounts(json, "node_executions", c.unimpliedExecutions(), true);
      json.name("stage_count").number(c.stageCount());
      json.name("goal_gate_retries").number(c.goalGateRetries());
      if (c.lastFidelity().isPresent()) {
        json.name("last_fidelity").string(c.lastFidelity().get().wire());
      }
      json.name("context").values(c.contextValues());
      json.name("logs").beginArray();
      for (String entry : c.logs()) {
        json.string(entry);
      }
      json.endArray();
      if (c.finalOutcome().isPresent()) {
        json.name("final_outcome");
        StatusFile.write(json, c.finalOutcome().get());
      }
      if (c.stopReason().isPresent()) {
        StopReason reason = c.stopReason().get();
        json.name("stop_reason").beginObject()
            .name("code").string(reason.code())
            .name("message").string(reason.message())
            .name("resumable").bool(reason.resumable())
            .endObject();
      }
      if (c.restartedInto().isPresent()) {
        json.name("restarted_into").string(c.restartedInto().get());
      }
      return json.endObject();
    }

    /** Brings the cached {@code completed_nodes} and {@code node_outcomes} bytes up to date. */
    private void updateProgress(List<String> list, Map<String, StageStatus> map) {
      boolean sameSource = list == completedSource && map == outcomesSource && completedEncoded <= list.size();
      if (!sameSource) {
        completedSource = list;
        outcomesSource = map;
        completedEncoded = 0;
        completed.clear();
      }
      boolean outcomesValid = sameSource;
      for (int i = completedEncoded; i < list.size(); i++) {
        String id = list.get(i);
        completed.string(id);
        if (outcomesValid) {
          // A node completed for the first time was appended to the map, so its entry goes at the end; a revisit that
          // changed a node's status changes an entry in the middle, so the map is encoded afresh below.
          StageStatus status = map.get(id);
          StageStatus encoded = encodedOutcomes.get(id);
          if (status == null || (encoded != null && encoded != status)) {
            outcomesValid = false;
          } else if (encoded == null) {
            outcomes.name(id).string(status.wire());
            encodedOutcomes.put(id, status);
          }
        }
      }
      completedEncoded = list.size();
      if (!outcomesValid || encodedOutcomes.size() != map.size()) {
        outcomes.clear();
        encodedOutcomes.clear();
        for (Map.Entry<String, StageStatus> e : map.entrySet()) {
          outcomes.name(e.getKey()).string(e.getValue().wire());
          encodedOutcomes.put(e.getKey(), e.getValue());
        }
      }
    }
  }

  /** {@code counts} as an object; zeros are left out unless {@code keepZeros} (an absent retry count means zero). */
  private static void writeCounts(JsonBytes json, String field, Map<String, Integer> counts, boolean keepZeros) {
    json.name(field).beginObject();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (keepZeros || e.getValue() != 0) {
        json.name(e.getKey()).number(e.getValue());
      }
    }
    json.endObject();
  }

  static Checkpoint fromJson(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, found " + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (json.path("format").asInt(0) != FORMAT) {
      throw new IllegalArgumentException("unsupported checkpoint format " + json.path("format").asString("(missing)"));
    }
    requireShapes(json);
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

  /**
   * Refuses fields of the wrong kind instead of reading them as empty: a hand-edited or damaged
   * checkpoint must not resume as a run with no completed nodes or an empty context.
   */
  private static void requireShapes(JsonNode json) {
    for (String field : List.of("run_id", "graph_fingerprint", "timestamp", "status", "current_node", "last_fidelity", "restarted_into")) {
      requireKind(json, field, JsonNode::isString, "a string");
    }
    requireKind(json, "completed_nodes", node -> node.isArray() && node.valueStream().allMatch(JsonNode::isString), "a list of node IDs");
    requireKind(json, "logs", node -> node.isArray() && node.valueStream().allMatch(JsonNode::isString), "a list of strings");
    requireKind(json, "node_outcomes", node -> node.isObject() && node.valueStream().allMatch(JsonNode::isString), "an object of statuses");
    for (String field : List.of("node_retries", "node_executions")) {
      requireKind(json, field, node -> node.isObject() && node.valueStream().allMatch(JsonNode::isIntegralNumber), "an object of counts");
    }
    for (String field : List.of("stage_count", "goal_gate_retries")) {
      requireKind(json, field, JsonNode::isIntegralNumber, "a whole number");
    }
    requireKind(json, "context", JsonNode::isObject, "an object");
    requireKind(json, "next", JsonNode::isObject, "an object");
    requireKind(json, "stop_reason", JsonNode::isObject, "an object");
    if (!json.has("completed_nodes") || !json.has("context")) {
      throw new IllegalArgumentException("missing field \"" + (json.has("completed_nodes") ? "context" : "completed_nodes") + "\"");
    }
  }

  private static void requireKind(JsonNode json, String field, java.util.function.Predicate<JsonNode> kind, String expected) {
    JsonNode value = json.get(field);
    if (value != null && !value.isNull() && !kind.test(value)) {
      throw new IllegalArgumentException("field \"" + field + "\" must be " + expected + ", found " + abbreviated(value));
    }
  }

  private static String abbreviated(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
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
