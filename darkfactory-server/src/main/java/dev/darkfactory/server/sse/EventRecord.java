package dev.darkfactory.server.sse;

import java.util.Objects;

/**
 * One event as it goes on the wire: its SSE id (the 1-based line number in the run's {@code
 * events.jsonl}, so ids survive restarts) and its JSON text ({@code EventJson}).
 */
public record EventRecord(long id, String json) {
  public EventRecord {
    Objects.requireNonNull(json, "json");
  }
}
