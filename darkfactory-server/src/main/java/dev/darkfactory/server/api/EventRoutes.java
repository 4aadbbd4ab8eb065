package dev.darkfactory.server.api;

import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.run.RunIds;
import dev.darkfactory.server.run.RunManager;
import dev.darkfactory.server.sse.EventStreamer;
import dev.darkfactory.server.sse.Subscription;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;

/**
 * {@code GET /pipelines/{id}/events}: the run's events as Server-Sent Events (attractor-spec.md
 * 9.5, 9.6). Each event's {@code id} is its line in {@code events.jsonl}; a client that sends
 * {@code Last-Event-ID} (browsers do when they reconnect) or {@code ?last_event_id=} gets exactly
 * what it missed, then the live stream. A finished run replays its log and ends with an {@code
 * end} event.
 */
final class EventRoutes {
  private final RunManager runs;
  private final EventStreamer streamer;

  EventRoutes(RunManager runs, EventStreamer streamer) {
    this.runs = runs;
    this.streamer = streamer;
  }

  void register(RoutesConfig routes) {
    routes.get("/pipelines/{id}/events", this::events);
  }

  private void events(Context ctx) {
    String id = RunIds.requireRunId(ctx.pathParam("id"));
    runs.summary(id);
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ServerException.NotAcceptable("this is an event stream: send Accept: text/event-stream (curl -N -H 'Accept: text/event-stream' ...)");
    }
    long lastSeen = lastEventId(ctx);
    new SseHandler(0, client -> {
      Subscription subscription = runs.subscribe(id, lastSeen);
      try {
        // The final status is read when the stream ends, not when it starts.
        streamer.stream(client, subscription, () -> "{\"run_id\":\"" + id + "\",\"status\":\"" + runs.summary(id).status() + "\"}");
      } finally {
        runs.unsubscribe(id, subscription);
        client.close();
      }
    }).handle(ctx);
  }

  private static long lastEventId(Context ctx) {
    String value = ctx.header("Last-Event-ID");
    if (value == null || value.isBlank()) {
      value = ctx.queryParam("last_event_id");
    }
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new ServerException.BadRequest("Last-Event-ID must be a non-negative event number");
    }
  }
}
