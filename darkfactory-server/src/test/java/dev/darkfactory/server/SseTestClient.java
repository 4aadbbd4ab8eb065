package dev.darkfactory.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads an SSE stream on a virtual thread into a queue of parsed events. */
public final class SseTestClient implements AutoCloseable {
  /** One event: its id ({@code -1} when none), type ({@code message} by default) and data. */
  public record Event(long id, String type, String data) {}

  public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  public final int status;
  private final InputStream body;
  private final Thread reader;
  private volatile boolean closed;

  private SseTestClient(int status, InputStream body) {
    this.status = status;
    this.body = body;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  public static SseTestClient open(TestServer server, String path, String lastEventId) {
    HttpRequest.Builder request = server.request(path).timeout(Duration.ofMinutes(5)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<InputStream> response = server.http().send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      return new SseTestClient(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      long id = -1;
      String type = "message";
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, type, data.toString()));
          }
          id = -1;
          type = "message";
          data.setLength(0);
        } else if (line.startsWith("id: ")) {
          id = Long.parseLong(line.substring(4));
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (IOException e) {
      if (!closed) {
        events.add(new Event(-1, "io-error", String.valueOf(e.getMessage())));
      }
    }
    events.add(new Event(-1, "closed", ""));
  }

  /** The next event, failing after 60 seconds (a limit for failures only, generous for a loaded machine). */
  public Event next() {
    try {
      Event event = events.poll(60, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no SSE event within 60 s");
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Events up to and including the {@code end} event (or the stream closing). */
  public List<Event> untilEnd() {
    List<Event> seen = new ArrayList<>();
    while (true) {
      Event event = next();
      seen.add(event);
      if (event.type().equals("end") || event.type().equals("closed")) {
        return seen;
      }
    }
  }

  /** Events up to and including the first whose data contains {@code text}. */
  public List<Event> until(String text) {
    List<Event> seen = new ArrayList<>();
    while (true) {
      Event event = next();
      seen.add(event);
      if (event.data().contains(text)) {
        return seen;
      }
      if (event.type().equals("closed")) {
        throw new AssertionError("stream closed before an event containing " + text + ": " + seen);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      body.close();
    } catch (IOException ignored) {
      // Closing a stream that is already broken is fine.
    }
    reader.interrupt();
  }
}
