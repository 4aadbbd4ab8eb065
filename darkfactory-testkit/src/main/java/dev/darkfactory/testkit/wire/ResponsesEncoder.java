package dev.darkfactory.testkit.wire;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAI Responses API ({@code POST /v1/responses}): response objects and the {@code response.*} event stream. */
final class ResponsesEncoder implements WireEncoder {

  @Override
  public JsonNode response(ReplyPlan plan, JsonNode request) {
    ObjectNode response = envelope(plan, status(plan));
    ArrayNode output = response.putArray("output");
    plan.thinking().ifPresent(text -> output.add(reasoningItem(text)));
    if (!plan.text().isEmpty()) {
      output.add(messageItem(plan.text()));
    }
    plan.toolCalls().forEach(call -> output.add(callItem(call, call.argumentsJson())));
    response.set("usage", usage(plan));
    if (plan.finish() == ReplyPlan.Finish.LENGTH || plan.finish() == ReplyPlan.Finish.CONTENT_FILTER) {
      response.putObject("incomplete_details")
          .put("reason", plan.finish() == ReplyPlan.Finish.LENGTH ? "max_output_tokens" : "content_filter");
    } else {
      response.putNull("incomplete_details");
    }
    return response;
  }

  private static String status(ReplyPlan plan) {
    return plan.finish() == ReplyPlan.Finish.LENGTH || plan.finish() == ReplyPlan.Finish.CONTENT_FILTER ? "incomplete" : "completed";
  }

  private static ObjectNode envelope(ReplyPlan plan, String status) {
    ObjectNode response = Wire.object();
    response.put("id", plan.id()).put("object", "response").put("created_at", 1_767_225_600L)
        .put("status", status).put("model", plan.model());
    return response;
  }

  private static ObjectNode reasoningItem(String text) {
    ObjectNode item = Wire.object().put("type", "reasoning").put("id", "rs_001");
    item.putArray("summary").addObject().put("type", "summary_text").put("text", text);
    return item;
  }

  private static ObjectNode messageItem(String text) {
    ObjectNode item = Wire.object().put("type", "message").put("id", "msg_001").put("status", "completed").put("role", "assistant");
    item.putArray("content").addObject().put("type", "output_text").put("text", text).putArray("annotations");
    return item;
  }

  private static ObjectNode callItem(ReplyPlan.PlannedCall call, String arguments) {
    return Wire.object().put("type", "function_call").put("id", "fc_" + call.id()).put("call_id", call.id())
        .put("name", call.name()).put("arguments", arguments).put("status", "completed");
  }

  private static ObjectNode usage(ReplyPlan plan) {
    ObjectNode usage = Wire.object();
    usage.put("input_tokens", plan.usage().input());
    usage.putObject("input_tokens_details").put("cached_tokens", plan.usage().cacheRead());
    usage.put("output_tokens", plan.usage().output());
    usage.putObject("output_tokens_details").put("reasoning_tokens", plan.usage().reasoning());
    usage.put("total_tokens", plan.usage().input() + plan.usage().output());
    return usage;
  }

  @Override
  public List<SseFrame> stream(ReplyPlan plan, JsonNode request) {
    List<SseFrame> frames = new ArrayList<>();
    int[] sequence = {0};
    ObjectNode inProgress = envelope(plan, "in_progress");
    inProgress.putArray("output");
    frames.add(frame("response.created", sequence, Wire.object().set("response", inProgress)));
    frames.add(frame("response.in_progress", sequence, Wire.object().set("response", inProgress)));
    int index = 0;
    if (plan.thinking().isPresent()) {
      ObjectNode item = reasoningItem(plan.thinking().get());
      frames.add(frame("response.output_item.added", sequence, Wire.object().put("output_index", index)
          .set("item", Wire.object().put("type", "reasoning").put("id", "rs_001").set("summary", Wire.array()))));
      for (String chunk : ReplyPlan.chunks(plan.thinking().get(), plan.chunkSize())) {
        frames.add(frame("response.reasoning_summary_text.delta", sequence, Wire.object()
            .put("item_id", "rs_001").put("output_index", index).put("summary_index", 0).put("delta", chunk)));
      }
      frames.add(frame("response.output_item.done", sequence, Wire.object().put("output_index", index).set("item", item)));
      index++;
    }
    if (!plan.text().isEmpty()) {
      frames.add(frame("response.output_item.added", sequence, Wire.object().put("output_index", index)
          .set("item", Wire.object().put("type", "message").put("id", "msg_001").put("status", "in_progress")
              .put("role", "assistant").set("content", Wire.array()))));
      frames.add(frame("response.content_part.added", sequence, Wire.object().put("item_id", "msg_001")
          .put("output_index", index).put("content_index", 0)
          .set("part", Wire.object().put("type", "output_text").put("text", ""))));
      for (String chunk : plan.textChunks()) {
        frames.add(frame("response.output_text.delta", sequence, Wire.object().put("item_id", "msg_001")
            .put("output_index", index).put("content_index", 0).put("delta", chunk)));
      }
      frames.add(frame("response.output_text.done", sequence, Wire.object().put("item_id", "msg_001")
          .put("output_index", index).put("content_index", 0).put("text", plan.text())));
      frames.add(frame("response.output_item.done", sequence, Wire.object().put("output_index", index)
          .set("item", messageItem(plan.text()))));
      index++;
    }
    for (ReplyPlan.PlannedCall call : plan.toolCalls()) {
      frames.add(frame("response.output_item.added", sequence, Wire.object().put("output_index", index)
          .set("item", callItem(call, "").put("status", "in_progress"))));
      for (String chunk : ReplyPlan.chunks(call.argumentsJson(), plan.chunkSize())) {
        frames.add(frame("response.function_call_arguments.delta", sequence, Wire.object()
            .put("item_id", "fc_" + call.id()).put("output_index", index).put("delta", chunk)));
      }
      frames.add(frame("response.function_call_arguments.done", sequence, Wire.object()
          .put("item_id", "fc_" + call.id()).put("output_index", index).put("arguments", call.argumentsJson())));
      frames.add(frame("response.output_item.done", sequence, Wire.object().put("output_index", index)
          .set("item", callItem(call, call.argumentsJson()))));
      index++;
    }
    String terminal = "completed".equals(status(plan)) ? "response.completed" : "response.incomplete";
    frames.add(frame(terminal, sequence, Wire.object().set("response", response(plan, request))));
    return frames;
  }

  private static SseFrame frame(String type, int[] sequence, ObjectNode data) {
    ObjectNode payload = Wire.object().put("type", type).put("sequence_number", sequence[0]++);
    payload.setAll(data);
    return new SseFrame(type, payload);
  }

  @Override
  public JsonNode error(ErrorKind kind, int status, String message) {
    String type = switch (kind) {
      case RATE_LIMIT -> "rate_limit_exceeded";
      case BILLING -> "insufficient_quota";
      case AUTHENTICATION -> "invalid_api_key";
      case CONTEXT_LENGTH -> "context_length_exceeded";
      case CONTENT_FILTER -> "content_filter";
      case NOT_FOUND -> "model_not_found";
      case PERMISSION -> "permission_denied";
      case INVALID_REQUEST -> "invalid_request_error";
      case SERVER, OVERLOADED -> "server_error";
    };
    ObjectNode error = Wire.object();
    error.putObject("error").put("message", message).put("type", kind == ErrorKind.INVALID_REQUEST ? type : type)
        .putNull("param").put("code", type);
    return error;
  }
}
