package dev.darkfactory.llm.internal.sse;

import java.util.Optional;

/**
 * One dispatched server-sent event.
 *
 * @param event the {@code event:} field, empty for data-only frames (then the JSON payload's own type decides)
 * @param data the {@code data:} lines joined with newlines
 * @param id the last {@code id:} seen
 */
public record SseEvent(Optional<String> event, String data, Optional<String> id) {}
