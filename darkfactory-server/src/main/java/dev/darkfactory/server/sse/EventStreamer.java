package dev.darkfactory.server.sse;

import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes one subscription to one SSE client: the backlog first, then live events as they come,
 * a comment line when the run is quiet (which also notices a client that went away), and a final
 * {@code end} event once the run is over. Runs on the request's virtual thread and blocks only on
 * its own queue, so a slow client delays nobody else.
 */
public final class EventStreamer {
  private final Duration heartbeat;

  public EventStreamer(Duration heartbeat) {
    this.heartbeat = heartbeat;
  }

  /** Streams until the run ends, the client leaves, or the client falls too far behind. */
  public void stream(SseClient client, Subscription subscription, java.util.function.Supplier<String> endJson) {
    for (EventRecord record : subscription.backlog()) {
      if (client.terminated()) {
        return;
      }
      client.sendData(record.json(), Long.toString(record.id()));
    }
    try {
      while (!client.terminated()) {
        Optional<EventRecord> next = subscription.next(heartbeat);
        if (next.isPresent()) {
          client.sendData(next.get().json(), Long.toString(next.get().id()));
        } else if (subscription.isOver()) {
          if (!subscription.overflowed()) {
            client.sendEvent("end", endJson.get());
          }
          // On overflow the stream just closes: the browser reconnects with Last-Event-ID and replays from the history.
          return;
        } else {
          client.sendComment("keep-alive");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
