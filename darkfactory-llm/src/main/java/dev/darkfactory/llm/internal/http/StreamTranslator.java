package dev.darkfactory.llm.internal.http;

import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.internal.sse.SseEvent;
import java.util.List;

/**
 * Translates one provider's server-sent events into unified stream events (unified-llm-spec §7.7). Implementations
 * are stateful, one per stream, and pure: no I/O.
 */
public interface StreamTranslator {

    /** The unified events for one provider event; may be empty. A JSON syntax error propagates to the caller. */
    List<StreamEvent> onEvent(SseEvent event);

    /** Whether the provider's terminal event has been seen (the stream may stop reading). */
    boolean finished();

    /**
     * Called when the connection closed cleanly. Returns the closing events (a Finish for providers whose streams
     * end with the connection), or throws a StreamException when the stream ended before its terminal event.
     */
    List<StreamEvent> onClose();
}
