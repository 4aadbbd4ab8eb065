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
import dev.darkfactory.pipeline.event.PipelineEvent.StageStopped;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.Option;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.pipeline.state.JsonBytes;
import dev.darkfactory.pipeline.state.JsonValues;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of events: one object per event with {@code type} (the record's name), {@code
 * run_id}, {@code at} (ISO-8601) and the event's fields in snake_case; durations in milliseconds
 * ({@code duration_ms}). Used for {@code events.jsonl} and by the HTTP server's SSE stream.
 *
 * <p>Events are written straight to bytes ({@link #write}): the event log writes several per node,
 * and building a tree for each was a noticeable part of the engine's per-node cost. The tree forms
 * ({@link #toJson} and friends) are read back from those bytes, so both forms always agree.
 */
public final class EventJson {
  private EventJson() {}

  /** The event as a JSON tree (the SSE stream, tests). */
  public static ObjectNode toJson(PipelineEvent event) {
    JsonBytes json = JsonBytes.compact(512);
    write(json, event);
    return tree(json);
  }

  /** The event as one line of compact JSON, without the line break. */
  public static String line(PipelineEvent event) {
    JsonBytes json = JsonBytes.compact(512);
    write(json, event);
    return json.toString();
  }

  /** Writes the event's object to {@code json}. */
  public static void write(JsonBytes json, PipelineEvent event) {
    json.beginObject();
    json.name("type").string(event.getClass().getSimpleName());
    json.name("run_id").string(event.runId());
    json.name("at").instant(event.at());
    switch (event) {
      case PipelineStarted e -> {
        json.name("name").string(e.name());
        json.name("goal").string(e.goal());
        json.name("logs_root").string(e.logsRoot());
        json.name("resumed").bool(e.resumed());
        e.parentRunId().ifPresent(p -> json.name("parent_run_id").string(p));
      }
      case PipelineCompleted e -> {
        millis(json, "duration_ms", e.duration());
        json.name("artifact_count").number(e.artifactCount());
        json.name("failed_stages").beginArray();
        e.failedStages().forEach(json::string);
        json.endArray();
      }
      case PipelineFailed e -> {
        json.name("error").string(e.error());
        millis(json, "duration_ms", e.duration());
        e.nodeId().ifPresent(n -> json.name("node_id").string(n));
      }
      case PipelineStopped e -> {
        json.name("reason").string(e.reason().code());
        json.name("message").string(e.reason().message());
        json.name("resumable").bool(e.reason().resumable());
        millis(json, "duration_ms", e.duration());
        e.resumeAt().ifPresent(n -> json.name("resume_at").string(n));
      }
      case PipelineRestarted e -> {
        json.name("next_run_id").string(e.nextRunId());
        json.name("start_at").string(e.startAt());
        json.name("logs_root").string(e.logsRoot());
      }
      case StageStarted e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        json.name("handler_type").string(e.handlerType());
        json.name("attempt").number(e.attempt());
      }
      case StageCompleted e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        millis(json, "duration_ms", e.duration());
        json.name("status").string(e.status().wire());
        json.name("notes").string(e.notes());
      }
      case StageFailed e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        json.name("error").string(e.error());
        json.name("will_retry").bool(e.willRetry());
        json.name("status").string(e.status().wire());
      }
      case StageStopped e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        json.name("reason").string(e.reason().code());
        json.name("message").string(e.reason().message());
        json.name("resumable").bool(e.reason().resumable());
      }
      case StageRetrying e -> {
        stage(json, e.nodeId(), e.name(), e.index(), e.branch());
        json.name("attempt").number(e.attempt());
        millis(json, "delay_ms", e.delay());
      }
      case ParallelStarted e -> {
        json.name("node_id").string(e.nodeId());
        json.name("branch_count").number(e.branchCount());
        json.name("join_policy").string(e.joinPolicy());
        json.name("max_parallel").number(e.maxParallel());
      }
      case ParallelBranchStarted e -> {
        json.name("node_id").string(e.nodeId());
        json.name("branch").string(e.branch());
        json.name("index").number(e.index());
      }
      case ParallelBranchCompleted e -> {
        json.name("node_id").string(e.nodeId());
        json.name("branch").string(e.branch());
        json.name("index").number(e.index());
        millis(json, "duration_ms", e.duration());
        json.name("success").bool(e.success());
        json.name("status").string(e.status().wire());
      }
      case ParallelCompleted e -> {
        json.name("node_id").string(e.nodeId());
        millis(json, "duration_ms", e.duration());
        json.name("success_count").number(e.successCount());
        json.name("failure_count").number(e.failureCount());
      }
      case InterviewStarted e -> {
        question(json.name("question"), e.question());
        json.name("stage").string(e.stage());
      }
      case InterviewCompleted e -> {
        question(json.name("question"), e.question());
        answer(json.name("answer"), e.answer());
        millis(json, "duration_ms", e.duration());
      }
      case InterviewTimeout e -> {
        question(json.name("question"), e.question());
        json.name("stage").string(e.stage());
        millis(json, "duration_ms", e.duration());
      }
      case CheckpointSaved e -> {
        json.name("node_id").string(e.nodeId());
        branch(json, e.branch());
      }
      case EdgeSelected e -> {
        decision(json.name("decision"), e.decision());
        branch(json, e.branch());
      }
      case GoalGateUnsatisfied e -> {
        json.name("gate_node_id").string(e.gateNodeId());
        json.name("status").string(e.status().wire());
        e.retryTarget().ifPresent(t -> json.name("retry_target").string(t));
        json.name("retries").number(e.retries());
      }
      case StageUsage e -> {
        json.name("node_id").string(e.nodeId());
        json.name("usage").beginObject();
        json.name("input_tokens").number(e.inputTokens());
        json.name("output_tokens").number(e.outputTokens());
        json.name("total_tokens").number(e.inputTokens() + e.outputTokens());
        json.name("cache_read_tokens").number(e.cacheReadTokens());
        json.name("llm_calls").number(e.llmCalls());
        e.costUsd().ifPresent(cost -> json.name("cost_usd").decimal(cost.doubleValue()));
        json.endObject();
        branch(json, e.branch());
      }
      case StageNote e -> {
        json.name("node_id").string(e.nodeId());
        json.name("message").string(e.message());
        branch(json, e.branch());
      }
    }
    json.endObject();
  }

  /** The decision audit record as JSON. */
  public static ObjectNode decision(RoutingDecision d) {
    JsonBytes json = JsonBytes.compact(256);
    decision(json, d);
    return tree(json);
  }

  private static void decision(JsonBytes json, RoutingDecision d) {
    json.beginObject();
    json.name("from").string(d.fromNode());
    json.name("outcome").string(d.outcome().wire());
    if (!d.preferredLabel().isEmpty()) {
      json.name("preferred_label").string(d.preferredLabel());
    }
    if (!d.suggestedNextIds().isEmpty()) {
      json.name("suggested_next_ids").beginArray();
      d.suggestedNextIds().forEach(json::string);
      json.endArray();
    }
    json.name("step").string(d.step().wire());
    d.target().ifPresent(t -> json.name("to").string(t));
    d.chosenEdge().ifPresent(i -> json.name("edge_index").number(i));
    json.name("detail").string(d.detail());
    json.name("candidates").beginArray();
    for (EdgeCandidate c : d.candidates()) {
      json.beginObject();
      json.name("index").number(c.index());
      json.name("to").string(c.to());
      if (!c.label().isEmpty()) {
        json.name("label").string(c.label());
      }
      json.name("weight").number(c.weight());
      if (!c.condition().isEmpty()) {
        json.name("condition").string(c.condition());
      }
      c.evaluation().ifPresent(trace -> trace(json.name("evaluation"), trace));
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  private static void trace(JsonBytes json, ConditionTrace trace) {
    json.beginObject();
    json.name("result").bool(trace.result());
    json.name("clauses").beginArray();
    for (ClauseTrace clause : trace.clauses()) {
      json.beginObject();
      json.name("clause").string(clause.clause().describe());
      json.name("resolved").string(clause.resolved());
      clause.literal().ifPresent(l -> json.name("literal").string(l));
      json.name("result").bool(clause.result());
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  private static void question(JsonBytes json, Question q) {
    json.beginObject();
    json.name("id").string(q.id());
    json.name("text").string(q.text());
    json.name("type").string(q.type().name());
    json.name("stage").string(q.stage());
    if (!q.options().isEmpty()) {
      json.name("options").beginArray();
      for (Option option : q.options()) {
        json.beginObject().name("key").string(option.key()).name("label").string(option.label()).endObject();
      }
      json.endArray();
    }
    q.timeout().ifPresent(t -> millis(json, "timeout_ms", t));
    q.defaultAnswer().ifPresent(a -> answer(json.name("default"), a));
    if (!q.metadata().isEmpty()) {
      json.name("metadata").values(q.metadata());
    }
    json.endObject();
  }

  /** An answer as JSON: {@code {"value": "yes"}}, {@code {"value": "A", "label": ...}}, {@code {"text": ...}}. */
  public static ObjectNode answer(Answer answer) {
    JsonBytes json = JsonBytes.compact(128);
    answer(json, answer);
    return tree(json);
  }

  private static void answer(JsonBytes json, Answer answer) {
    json.beginObject();
    switch (answer) {
      case Answer.Yes yes -> json.name("value").string("yes");
      case Answer.No no -> json.name("value").string("no");
      case Answer.Skipped skipped -> json.name("value").string("skipped");
      case Answer.Timeout timeout -> json.name("value").string("timeout");
      case Answer.Selected selected -> json.name("value").string(selected.option().key()).name("label").string(selected.option().label());
      case Answer.Text text -> json.name("text").string(text.text());
    }
    json.endObject();
  }

  private static void stage(JsonBytes json, String nodeId, String name, int index, String branch) {
    json.name("node_id").string(nodeId);
    json.name("name").string(name);
    json.name("index").number(index);
    branch(json, branch);
  }

  private static void branch(JsonBytes json, String branch) {
    if (!branch.isEmpty()) {
      json.name("branch").string(branch);
    }
  }

  private static void millis(JsonBytes json, String field, Duration duration) {
    json.name(field).number(duration.toMillis());
  }

  private static ObjectNode tree(JsonBytes json) {
    return (ObjectNode) JsonValues.mapper().readTree(json.toByteArray());
  }
}
