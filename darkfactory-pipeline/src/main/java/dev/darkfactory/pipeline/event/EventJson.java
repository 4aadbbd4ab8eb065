package dev.darkfactory.pipeline.event;

import dev.darkfactory.pipeline.condition.ClauseTrace;
import dev.darkfactory.pipeline.condition.ConditionTrace;
import dev.darkfactory.pipeline.event.PipelineEvent.CheckpointSaved;
import dev.darkfactory.pipeline.event.PipelineEvent.EdgeSelected;
import dev.darkfactory.pipeline.event.PipelineEvent.GoalGateUnsatisfied;
import dev.darkfactory.pipeline.event.PipelineEvent.InterviewCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.InterviewStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.InterviewTimeout;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelBranchCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelBranchStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.ParallelStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineFailed;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineRestarted;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineStarted;
import dev.darkfactory.pipeline.event.PipelineEvent.PipelineStopped;
import dev.darkfactory.pipeline.event.PipelineEvent.StageCompleted;
import dev.darkfactory.pipeline.event.PipelineEvent.StageFailed;
import dev.darkfactory.pipeline.event.PipelineEvent.StageNote;
import dev.darkfactory.pipeline.event.PipelineEvent.StageUsage;
import dev.darkfactory.pipeline.event.PipelineEvent.StageRetrying;
import dev.darkfactory.pipeline.event.PipelineEvent.StageStarted;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.Option;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.pipeline.state.JsonValues;
import java.time.Duration;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of events: one object per event with {@code type} (the record's name), {@code
 * run_id}, {@code at} (ISO-8601) and the event's fields in snake_case; durations in milliseconds
 * ({@code duration_ms}). Used for {@code events.jsonl} and by the HTTP server's SSE stream.
 */
public final class EventJson {
  private EventJson() {}

  public static ObjectNode toJson(PipelineEvent event) {
    ObjectNode json = JsonValues.object();
    json.put("type", event.getClass().getSimpleName());
    json.put("run_id", event.runId());
    json.put("at", event.at().toString());
    switch (event) {
      case PipelineStarted e -> {
        json.put("name", e.name());
        json.put("goal", e.goal());
        json.put("logs_root", e.logsRoot());
        json.put("resumed", e.resumed());
        e.parentRunId().ifPresent(p -> json.put("parent_run_id", p));
      }
      case PipelineCompleted e -> {
        millis(json, "duration_ms", e.duration());
        json.put("artifact_count", e.artifactCount());
      }
      case PipelineFailed e -> {
        json.put("error", e.error());
        millis(json, "duration_ms", e.duration());
        e.nodeId().ifPresent(n -> json.put("node_id", n));
      }
      case PipelineStopped e -> {
        json.put("reason", e.reason().code());
        json.put("message", e.reason().message());
        json.put("resumable", e.reason().resumable());
        millis(json, "duration_ms", e.duration());
        e.resumeAt().ifPresent(n -> json.put("resume_at", n));
      }
      case PipelineRestarted e -> {
        json.put("next_run_id", e.nextRunId());
        json.put("start_at", e.startAt());
        json.put("logs_root", e.logsRoot());
      }
      case StageStarted e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        json.put("handler_type", e.handlerType());
        json.put("attempt", e.attempt());
      }
      case StageCompleted e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        millis(json, "duration_ms", e.duration());
        json.put("status", e.status().wire());
        json.put("notes", e.notes());
      }
      case StageFailed e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        json.put("error", e.error());
        json.put("will_retry", e.willRetry());
        json.put("status", e.status().wire());
      }
      case StageRetrying e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        json.put("attempt", e.attempt());
        millis(json, "delay_ms", e.delay());
      }
      case ParallelStarted e -> {
        json.put("node_id", e.nodeId());
        json.put("branch_count", e.branchCount());
        json.put("join_policy", e.joinPolicy());
        json.put("max_parallel", e.maxParallel());
      }
      case ParallelBranchStarted e -> {
        json.put("node_id", e.nodeId());
        json.put("branch", e.branch());
        json.put("index", e.index());
      }
      case ParallelBranchCompleted e -> {
        json.put("node_id", e.nodeId());
        json.put("branch", e.branch());
        json.put("index", e.index());
        millis(json, "duration_ms", e.duration());
        json.put("success", e.success());
        json.put("status", e.status().wire());
      }
      case ParallelCompleted e -> {
        json.put("node_id", e.nodeId());
        millis(json, "duration_ms", e.duration());
        json.put("success_count", e.successCount());
        json.put("failure_count", e.failureCount());
      }
      case InterviewStarted e -> {
        json.set("question", question(e.question()));
        json.put("stage", e.stage());
      }
      case InterviewCompleted e -> {
        json.set("question", question(e.question()));
        json.set("answer", answer(e.answer()));
        millis(json, "duration_ms", e.duration());
      }
      case InterviewTimeout e -> {
        json.set("question", question(e.question()));
        json.put("stage", e.stage());
        millis(json, "duration_ms", e.duration());
      }
      case CheckpointSaved e -> {
        json.put("node_id", e.nodeId());
        branch(json, e.branch());
      }
      case EdgeSelected e -> {
        json.set("decision", decision(e.decision()));
        branch(json, e.branch());
      }
      case GoalGateUnsatisfied e -> {
        json.put("gate_node_id", e.gateNodeId());
        json.put("status", e.status().wire());
        e.retryTarget().ifPresent(t -> json.put("retry_target", t));
        json.put("retries", e.retries());
      }
      case StageUsage e -> {
        json.put("node_id", e.nodeId());
        ObjectNode usage = json.putObject("usage");
        usage.put("input_tokens", e.inputTokens());
        usage.put("output_tokens", e.outputTokens());
        usage.put("total_tokens", e.inputTokens() + e.outputTokens());
        usage.put("cache_read_tokens", e.cacheReadTokens());
        usage.put("llm_calls", e.llmCalls());
        e.costUsd().ifPresent(cost -> usage.put("cost_usd", cost.doubleValue()));
        branch(json, e.branch());
      }
      case StageNote e -> {
        json.put("node_id", e.nodeId());
        json.put("message", e.message());
        branch(json, e.branch());
      }
    }
    return json;
  }

  /** The decision audit record as JSON. */
  public static ObjectNode decision(RoutingDecision d) {
    ObjectNode json = JsonValues.object();
    json.put("from", d.fromNode());
    json.put("outcome", d.outcome().wire());
    if (!d.preferredLabel().isEmpty()) {
      json.put("preferred_label", d.preferredLabel());
    }
    if (!d.suggestedNextIds().isEmpty()) {
      ArrayNode ids = json.putArray("suggested_next_ids");
      d.suggestedNextIds().forEach(ids::add);
    }
    json.put("step", d.step().wire());
    d.target().ifPresent(t -> json.put("to", t));
    d.chosenEdge().ifPresent(i -> json.put("edge_index", i));
    json.put("detail", d.detail());
    ArrayNode candidates = json.putArray("candidates");
    for (EdgeCandidate c : d.candidates()) {
      ObjectNode edge = candidates.addObject();
      edge.put("index", c.index());
      edge.put("to", c.to());
      if (!c.label().isEmpty()) {
        edge.put("label", c.label());
      }
      edge.put("weight", c.weight());
      if (!c.condition().isEmpty()) {
        edge.put("condition", c.condition());
      }
      c.evaluation().ifPresent(trace -> edge.set("evaluation", trace(trace)));
    }
    return json;
  }

  private static ObjectNode trace(ConditionTrace trace) {
    ObjectNode json = JsonValues.object();
    json.put("result", trace.result());
    ArrayNode clauses = json.putArray("clauses");
    for (ClauseTrace clause : trace.clauses()) {
      ObjectNode c = clauses.addObject();
      c.put("clause", clause.clause().describe());
      c.put("resolved", clause.resolved());
      clause.literal().ifPresent(l -> c.put("literal", l));
      c.put("result", clause.result());
    }
    return json;
  }

  private static ObjectNode question(Question q) {
    ObjectNode json = JsonValues.object();
    json.put("id", q.id());
    json.put("text", q.text());
    json.put("type", q.type().name());
    json.put("stage", q.stage());
    if (!q.options().isEmpty()) {
      ArrayNode options = json.putArray("options");
      for (Option option : q.options()) {
        options.addObject().put("key", option.key()).put("label", option.label());
      }
    }
    q.timeout().ifPresent(t -> millis(json, "timeout_ms", t));
    q.defaultAnswer().ifPresent(a -> json.set("default", answer(a)));
    if (!q.metadata().isEmpty()) {
      json.set("metadata", JsonValues.toObject(q.metadata()));
    }
    return json;
  }

  /** An answer as JSON: {@code {"value": "yes"}}, {@code {"value": "A", "label": ...}}, {@code {"text": ...}}. */
  public static ObjectNode answer(Answer answer) {
    ObjectNode json = JsonValues.object();
    switch (answer) {
      case Answer.Yes yes -> json.put("value", "yes");
      case Answer.No no -> json.put("value", "no");
      case Answer.Skipped skipped -> json.put("value", "skipped");
      case Answer.Timeout timeout -> json.put("value", "timeout");
      case Answer.Selected selected -> json.put("value", selected.option().key()).put("label", selected.option().label());
      case Answer.Text text -> json.put("text", text.text());
    }
    return json;
  }

  private static void stage(ObjectNode json, String nodeId, String name, int index, String branch) {
    json.put("node_id", nodeId);
    json.put("name", name);
    json.put("index", index);
    branch(json, branch);
  }

  private static void branch(ObjectNode json, String branch) {
    if (!branch.isEmpty()) {
      json.put("branch", branch);
    }
  }

  private static void millis(ObjectNode json, String field, Duration duration) {
    json.put(field, duration.toMillis());
  }

}
