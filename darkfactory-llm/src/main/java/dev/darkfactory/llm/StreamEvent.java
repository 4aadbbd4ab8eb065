package dev.darkfactory.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One event of a response stream (unified-llm-spec §3.13-3.14). Text, reasoning and tool calls follow a
 * start/delta/end lifecycle correlated by id; a stream ends with exactly one {@link Finish} or {@link Error}.
 * A provider failure after the stream began is an {@link Error} event, never a silent end.
 */
public sealed interface StreamEvent {

    StreamEventType type();

    record StreamStart(Optional<String> responseId, Optional<String> model, List<Warning> warnings) implements StreamEvent {
        public StreamStart {
            Objects.requireNonNull(responseId, "responseId");
            Objects.requireNonNull(model, "model");
            warnings = List.copyOf(warnings);
        }

        public static StreamStart of(String responseId, String model) {
            return new StreamStart(Optional.ofNullable(responseId), Optional.ofNullable(model), List.of());
        }

        @Override
        public StreamEventType type() {
            return StreamEventType.STREAM_START;
        }
    }

    record TextStart(String textId) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.TEXT_START;
        }
    }

    record TextDelta(String textId, String delta) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.TEXT_DELTA;
        }
    }

    record TextEnd(String textId) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.TEXT_END;
        }
    }

    record ReasoningStart(String reasoningId) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.REASONING_START;
        }
    }

    record ReasoningDelta(String reasoningId, String delta) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.REASONING_DELTA;
        }
    }

    /**
     * Reasoning is complete. {@code signature} must be replayed verbatim; {@code redactedData} is set for redacted
     * thinking, whose content is opaque.
     */
    record ReasoningEnd(String reasoningId, Optional<String> signature, Optional<String> redactedData) implements StreamEvent {
        public ReasoningEnd {
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(redactedData, "redactedData");
        }

        @Override
        public StreamEventType type() {
            return StreamEventType.REASONING_END;
        }
    }

    record ToolCallStart(String toolCallId, String name) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.TOOL_CALL_START;
        }
    }

    /** A fragment of the tool call's JSON arguments, in order. */
    record ToolCallDelta(String toolCallId, String argumentsDelta) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.TOOL_CALL_DELTA;
        }
    }

    /** The tool call is fully formed and ready to execute. */
    record ToolCallEnd(ToolCall toolCall) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.TOOL_CALL_END;
        }
    }

    /** Emitted by the high-level stream between tool rounds (§5.9): the step's response and its tool results. */
    record StepFinish(Response response, List<ToolResult> toolResults) implements StreamEvent {
        public StepFinish {
            toolResults = List.copyOf(toolResults);
        }

        @Override
        public StreamEventType type() {
            return StreamEventType.STEP_FINISH;
        }
    }

    /** Generation is complete; {@code response} is the accumulated response, equal to what complete() returns. */
    record Finish(FinishReason finishReason, Usage usage, Response response) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.FINISH;
        }
    }

    record Error(LlmException error) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.ERROR;
        }
    }

    /** A provider event the unified model does not map, passed through raw. */
    record ProviderEvent(String eventType, JsonNode raw) implements StreamEvent {
        @Override
        public StreamEventType type() {
            return StreamEventType.PROVIDER_EVENT;
        }
    }
}
