package dev.darkfactory.pipeline.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pipeline metadata of one run (attractor-spec.md 5.6 {@code manifest.json}: name, goal, start
 * time), plus what a later {@code factory resume} or the HTTP server needs to find its way back:
 * the run ID, the graph fingerprint, where the DOT file was, and how stages were run.
 *
 * @param source the pipeline file the run was started from, when there was one
 * @param settings how the run was started: the backend ({@code simulation}, {@code scripted}), the
 *     scripted file, the answers file; {@code factory resume} defaults to these
 */
public record Manifest(
    String runId,
    String pipelineName,
    String goal,
    String graphFingerprint,
    Optional<String> source,
    Instant startedAt,
    Optional<Instant> finishedAt,
    RunStatus status,
    Map<String, String> settings) {

  public static final String FILE_NAME = "manifest.json";

  public Manifest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(pipelineName, "pipelineName");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(graphFingerprint, "graphFingerprint");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(status, "status");
    settings = Map.copyOf(settings);
  }

  public Manifest finished(RunStatus finalStatus, Instant at) {
    return new Manifest(runId, pipelineName, goal, graphFingerprint, source, startedAt,
        finalStatus == RunStatus.RUNNING ? Optional.empty() : Optional.of(at), finalStatus, settings);
  }

  ObjectNode toJson() {
    ObjectNode json = JsonValues.object();
    json.put("run_id", runId);
    json.put("name", pipelineName);
    json.put("goal", goal);
    json.put("graph_fingerprint", graphFingerprint);
    source.ifPresent(s -> json.put("source", s));
    json.put("started_at", startedAt.toString());
    finishedAt.ifPresent(at -> json.put("finished_at", at.toString()));
    json.put("status", status.wire());
    ObjectNode settingsJson = json.putObject("settings");
    settings.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> settingsJson.put(e.getKey(), e.getValue()));
    return json;
  }

  static Manifest fromJson(JsonNode json) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    json.path("settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asString()));
    return new Manifest(
        json.path("run_id").asString(),
        json.path("name").asString(""),
        json.path("goal").asString(""),
        json.path("graph_fingerprint").asString(""),
        json.has("source") ? Optional.of(json.get("source").asString()) : Optional.empty(),
        Instant.parse(json.path("started_at").asString()),
        json.has("finished_at") ? Optional.of(Instant.parse(json.get("finished_at").asString())) : Optional.empty(),
        RunStatus.fromWire(json.path("status").asString("running")).orElse(RunStatus.RUNNING),
        settings);
  }
}
