package dev.darkfactory.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Folds stream events into a {@link Response} equivalent to what {@code complete()} returns (unified-llm-spec §4.4).
 * Content keeps the order in which segments started. Not thread-safe: one accumulator per stream.
 */
public final class StreamAccumulator {

  /**
   * A {@link StreamEvent.ProviderEvent} whose type starts with this prefix carries a provider-specific content part
   * (e.g. a Gemini thought signature) that must be kept in the response, in stream order.
   */
  public static final String CONTENT_PART_EVENT_PREFIX = "content_part:";

  private final String provider;
  private String responseId = "";
  private String model;
  private final List<Warning> warnings = new ArrayList<>();
  private final List<Segment> segments = new ArrayList<>();
  private final Map<String, Segment> open = new HashMap<>();
  private Response finished;
  private LlmException error;

  public StreamAccumulator(String provider, String requestedModel) {
    this.provider = provider;
    this.model = requestedModel;
  }

  public void process(StreamEvent event) {
    switch (event) {
      case StreamEvent.StreamStart start -> {
        start.responseId().ifPresent(id -> responseId = id);
        start.model().ifPresent(m -> model = m);
        warnings.addAll(start.warnings());
      }
      case StreamEvent.TextStart start -> segment("text:" + start.textId(), Segment.Kind.TEXT);
      case StreamEvent.TextDelta delta -> segment("text:" + delta.textId(), Segment.Kind.TEXT).text.append(delta.delta());
      case StreamEvent.TextEnd end -> segment("text:" + end.textId(), Segment.Kind.TEXT);
      case StreamEvent.ReasoningStart start -> segment("reasoning:" + start.reasoningId(), Segment.Kind.REASONING);
      case StreamEvent.ReasoningDelta delta ->
        segment("reasoning:" + delta.reasoningId(), Segment.Kind.REASONING).text.append(delta.delta());
      case StreamEvent.ReasoningEnd end -> {
        Segment segment = segment("reasoning:" + end.reasoningId(), Segment.Kind.REASONING);
        segment.signature = end.signature();
        segment.redactedData = end.redactedData();
      }
      case StreamEvent.ToolCallStart start -> segment("tool:" + start.toolCallId(), Segment.Kind.TOOL_CALL).name = start.name();
      case StreamEvent.ToolCallDelta delta ->
        segment("tool:" + delta.toolCallId(), Segment.Kind.TOOL_CALL).text.append(delta.argumentsDelta());
      case StreamEvent.ToolCallEnd end -> segment("tool:" + end.toolCall().id(), Segment.Kind.TOOL_CALL).toolCall = end.toolCall();
      case StreamEvent.Finish finish -> finished = finish.response();
      case StreamEvent.Error failure -> error = failure.error();
      case StreamEvent.StepFinish ignored -> {
        // Step boundaries belong to the high-level stream; one accumulator covers one response.
      }
      case StreamEvent.ProviderEvent provided -> {
        if (provided.eventType().startsWith(CONTENT_PART_EVENT_PREFIX)) {
          Segment segment = new Segment(Segment.Kind.CUSTOM);
          segment.custom = new ContentPart.Custom(
              provided.eventType().substring(CONTENT_PART_EVENT_PREFIX.length()), provided.raw());
          segments.add(segment);
        }
      }
    }
  }

  private Segment segment(String key, Segment.Kind kind) {
    return open.computeIfAbsent(key, k -> {
      Segment segment = new Segment(kind);
      segments.add(segment);
      return segment;
    });
  }

  /** The response so far (after a Finish event, the final one). */
  public Response partialResponse() {
    if (finished != null) {
      return finished;
    }
    FinishReason reason = error == null
        ? FinishReason.of(FinishReason.Reason.OTHER, null)
        : FinishReason.of(FinishReason.Reason.ERROR, null);
    return build(reason, Usage.empty(), Optional.empty());
  }

  /** The final response; throws the stream's error if it ended in one. */
  public Response response() {
    if (error != null) {
      throw error;
    }
    if (finished == null) {
      throw new StreamException("The stream has not finished yet");
    }
    return finished;
  }

  public Optional<LlmException> error() {
    return Optional.ofNullable(error);
  }

  /** Builds the response from the accumulated content; adapters call this to fill the Finish event. */
  public Response build(FinishReason finishReason, Usage usage, Optional<JsonNode> raw) {
    List<ContentPart> content = new ArrayList<>();
    for (Segment segment : segments) {
      segment.toPart().ifPresent(content::add);
    }
    return new Response(responseId, model == null ? "" : model, provider, Message.of(Role.ASSISTANT, content),
        finishReason, usage, raw, warnings, Optional.empty(), Optional.empty());
  }

  public String responseId() {
    return responseId;
  }

  /** One content segment in start order. */
  private static final class Segment {
    enum Kind { TEXT, REASONING, TOOL_CALL, CUSTOM }

    final Kind kind;
    final StringBuilder text = new StringBuilder();
    String name;
    Optional<String> signature = Optional.empty();
    Optional<String> redactedData = Optional.empty();
    ToolCall toolCall;
    ContentPart.Custom custom;

    Segment(Kind kind) {
      this.kind = kind;
    }

    Optional<ContentPart> toPart() {
      return switch (kind) {
        case TEXT -> text.isEmpty() ? Optional.empty() : Optional.of(new ContentPart.Text(text.toString()));
        case REASONING -> Optional.of(redactedData.isPresent()
            ? new ContentPart.RedactedThinking(redactedData.get())
            : new ContentPart.Thinking(text.toString(), signature));
        case TOOL_CALL -> Optional.ofNullable(toolCall).map(ContentPart.ToolCallPart::new);
        case CUSTOM -> Optional.of(custom);
      };
    }
  }
}
