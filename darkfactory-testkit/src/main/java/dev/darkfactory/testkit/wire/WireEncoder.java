package dev.darkfactory.testkit.wire;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Renders replies and errors in one provider's wire format, byte for byte as its public API reference shows. */
public interface WireEncoder {

    /** The non-streaming response body. */
    JsonNode response(ReplyPlan plan, JsonNode request);

    /** The stream as SSE events, in order; {@link SseFrame#render} decides whether {@code event:} lines appear. */
    List<SseFrame> stream(ReplyPlan plan, JsonNode request);

    /** An error body: {@code kind} is one of the {@link ErrorKind}s. */
    JsonNode error(ErrorKind kind, int status, String message);

    /** Whether the stream ends with a {@code data: [DONE]} line. */
    default boolean doneMarker() {
        return false;
    }

    /** The error families the twin can inject. */
    enum ErrorKind {
        RATE_LIMIT,
        SERVER,
        OVERLOADED,
        AUTHENTICATION,
        PERMISSION,
        NOT_FOUND,
        INVALID_REQUEST,
        BILLING,
        CONTEXT_LENGTH,
        CONTENT_FILTER
    }
}
