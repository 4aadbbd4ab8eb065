package dev.darkfactory.twin.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a twin saw or did, in the order it happened ({@code sequence} starts at 1 and never repeats within a
 * journal). Secrets are redacted before an entry is built; bodies are cut at the journal's body limit.
 * {@code twinTime} is the twin's clock (deterministic when fixed), {@code wallTime} the real time.
 */
public sealed interface JournalEntry {

  long sequence();

  Instant twinTime();

  Instant wallTime();

  /** The namespace id, or {@code ""} when the entry belongs to no namespace (an unauthenticated request, a lifecycle event). */
  String namespace();

  Kind kind();

  /** A rough size in bytes, for the journal's memory cap. */
  long estimatedBytes();

  JournalEntry withSequence(long sequence);

  /** The kinds of entries, with their wire names. */
  enum Kind {
    EXCHANGE("exchange"),
    WEBHOOK("webhook"),
    LIFECYCLE("lifecycle");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Optional<Kind> fromWire(String wire) {
      for (Kind kind : values()) {
        if (kind.wire.equals(wire)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A request the twin answered. {@code route} is the pattern that served it ({@code "POST /v1/customers/{id}"}),
   * empty for unknown routes and refused credentials; {@code fault} the id of the fault rule that changed the
   * answer; {@code error} what went wrong inside the twin (a handler that threw, an external twin that did not
   * answer); {@code status} 0 when no response was sent (a reset or a hang).
   */
  record Exchange(long sequence, Instant twinTime, Instant wallTime, String namespace, String method, String path, String query,
      Map<String, List<String>> requestHeaders, String requestBody, int status, Map<String, List<String>> responseHeaders,
      String responseBody, long latencyMicros, String route, Optional<String> fault, Optional<String> error, boolean truncated)
      implements JournalEntry {

    public Exchange {
      Objects.requireNonNull(namespace, "namespace");
      requestHeaders = Map.copyOf(requestHeaders);
      responseHeaders = Map.copyOf(responseHeaders);
    }

    @Override
    public Kind kind() {
      return Kind.EXCHANGE;
    }

    @Override
    public long estimatedBytes() {
      return 256L + 2L * (path.length() + query.length() + requestBody.length() + responseBody.length())
          + headerBytes(requestHeaders) + headerBytes(responseHeaders);
    }

    @Override
    public Exchange withSequence(long sequence) {
      return new Exchange(sequence, twinTime, wallTime, namespace, method, path, query, requestHeaders, requestBody, status,
          responseHeaders, responseBody, latencyMicros, route, fault, error, truncated);
    }
  }

  /** What became of one webhook delivery attempt. */
  enum Outcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The attempt failed; another is scheduled. */
    FAILED,
    /** The last attempt failed; the twin gives up on this event for this endpoint. */
    ABANDONED,
    /** A fault rule dropped the delivery: nothing was sent and nothing will be. */
    DROPPED
  }

  /** One attempt to deliver a webhook; {@code status} is 0 when no response arrived (refused, timed out). */
  record WebhookAttempt(long sequence, Instant twinTime, Instant wallTime, String namespace, String eventId, String eventType,
      String url, int attempt, Outcome outcome, int status, String detail, long latencyMicros, Optional<Instant> nextAttempt)
      implements JournalEntry {

    @Override
    public Kind kind() {
      return Kind.WEBHOOK;
    }

    @Override
    public long estimatedBytes() {
      return 256L + 2L * (eventId.length() + eventType.length() + url.length() + detail.length());
    }

    @Override
    public WebhookAttempt withSequence(long sequence) {
      return new WebhookAttempt(sequence, twinTime, wallTime, namespace, eventId, eventType, url, attempt, outcome, status, detail,
          latencyMicros, nextAttempt);
    }
  }

  /** Lifecycle events of the twin itself. */
  enum Event {
    STARTED,
    STOPPED,
    /** An external twin's process exited on its own: its state is gone, and the runtime does not restart it. */
    CRASHED
  }

  record Lifecycle(long sequence, Instant twinTime, Instant wallTime, Event event, String message) implements JournalEntry {

    @Override
    public String namespace() {
      return "";
    }

    @Override
    public Kind kind() {
      return Kind.LIFECYCLE;
    }

    @Override
    public long estimatedBytes() {
      return 128L + 2L * message.length();
    }

    @Override
    public Lifecycle withSequence(long sequence) {
      return new Lifecycle(sequence, twinTime, wallTime, event, message);
    }
  }

  private static long headerBytes(Map<String, List<String>> headers) {
    long bytes = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      bytes += 48L + 2L * header.getKey().length();
      for (String value : header.getValue()) {
        bytes += 2L * value.length();
      }
    }
    return bytes;
  }
}
