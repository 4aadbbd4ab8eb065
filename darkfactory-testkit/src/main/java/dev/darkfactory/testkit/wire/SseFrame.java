package dev.darkfactory.testkit.wire;

import tools.jackson.databind.JsonNode;

/** One server-sent event: its type and JSON payload. */
public record SseFrame(String event, JsonNode data) {

  /** The frame as text: with an {@code event:} line, or data-only (the type stays in the JSON payload). */
  public String render(boolean eventLines) {
    String json = Wire.MAPPER.writeValueAsString(data);
    return eventLines && event != null ? "event: " + event + "\ndata: " + json + "\n\n" : "data: " + json + "\n\n";
  }
}
