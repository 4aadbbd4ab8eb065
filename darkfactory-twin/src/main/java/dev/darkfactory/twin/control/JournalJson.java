package dev.darkfactory.twin.control;

import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.journal.JournalEntry;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The wire form of journal entries (the control plane's {@code GET /__twin/journal}). */
public final class JournalJson {

  private JournalJson() {}

  public static ObjectNode entry(JournalEntry entry) {
    ObjectNode json = Json.object()
        .put("sequence", entry.sequence())
        .put("kind", entry.kind().wire())
        .put("twinTime", entry.twinTime().toString())
        .put("wallTime", entry.wallTime().toString())
        .put("namespace", entry.namespace());
    switch (entry) {
      case JournalEntry.Exchange exchange -> {
        json.put("method", exchange.method()).put("path", exchange.path()).put("query", exchange.query())
            .put("route", exchange.route()).put("status", exchange.status()).put("latencyMicros", exchange.latencyMicros());
        exchange.fault().ifPresentOrElse(fault -> json.put("fault", fault), () -> json.putNull("fault"));
        exchange.error().ifPresentOrElse(error -> json.put("error", error), () -> json.putNull("error"));
        json.set("requestHeaders", headers(exchange.requestHeaders()));
        json.put("requestBody", exchange.requestBody());
        json.set("responseHeaders", headers(exchange.responseHeaders()));
        json.put("responseBody", exchange.responseBody());
        json.put("truncated", exchange.truncated());
      }
      case JournalEntry.WebhookAttempt attempt -> {
        json.put("eventId", attempt.eventId()).put("eventType", attempt.eventType()).put("url", attempt.url())
            .put("attempt", attempt.attempt()).put("outcome", attempt.outcome().name().toLowerCase(java.util.Locale.ROOT))
            .put("status", attempt.status()).put("detail", attempt.detail()).put("latencyMicros", attempt.latencyMicros());
        attempt.nextAttempt().ifPresentOrElse(next -> json.put("nextAttempt", next.toString()), () -> json.putNull("nextAttempt"));
      }
      case JournalEntry.Lifecycle lifecycle -> json.put("event", lifecycle.event().name().toLowerCase(java.util.Locale.ROOT))
          .put("message", lifecycle.message());
    }
    return json;
  }

  private static ObjectNode headers(Map<String, List<String>> headers) {
    ObjectNode json = Json.object();
    headers.forEach((name, values) -> {
      if (values.size() == 1) {
        json.put(name, values.get(0));
      } else {
        values.forEach(value -> json.withArray(name).add(value));
      }
    });
    return json;
  }
}
