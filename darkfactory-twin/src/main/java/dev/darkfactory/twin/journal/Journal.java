package dev.darkfactory.twin.journal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A twin's bounded memory of what it saw: every exchange with its response, latency and namespace, every
 * webhook attempt, every lifecycle event. Secrets are redacted before anything is kept; when the entry or byte
 * cap is reached the oldest entries go, and {@link #dropped()} counts them. Safe for concurrent use.
 */
public final class Journal {

  private final JournalLimits limits;
  private final Redactor redactor;
  private final Clock wall;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
  private final List<Consumer<? super JournalEntry>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong listenerFailures = new AtomicLong();
  private long sequence;
  private long bytes;
  private long dropped;

  public Journal(JournalLimits limits, Redactor redactor, Clock wall) {
    this.limits = limits;
    this.redactor = redactor;
    this.wall = wall;
  }

  public static Journal create() {
    return new Journal(JournalLimits.DEFAULT, Redactor.defaults(), Clock.systemUTC());
  }

  public JournalLimits limits() {
    return limits;
  }

  public Redactor redactor() {
    return redactor;
  }

  /** Redacts, truncates and keeps an exchange. */
  public JournalEntry.Exchange recordExchange(RawExchange raw) {
    String requestType = first(raw.requestHeaders(), "content-type");
    String responseType = first(raw.responseHeaders(), "content-type");
    String requestBody = text(raw.requestBody());
    String responseBody = text(raw.responseBody());
    boolean truncated = requestBody.length() > limits.maxBodyChars() || responseBody.length() > limits.maxBodyChars();
    JournalEntry.Exchange entry = new JournalEntry.Exchange(0, raw.twinTime(), wall.instant(), raw.namespace(), raw.method(),
        raw.path(), redactor.query(raw.query()), redactor.headers(raw.requestHeaders()),
        cut(redactor.body(requestType, requestBody)), raw.status(), redactor.headers(raw.responseHeaders()),
        cut(redactor.body(responseType, responseBody)), raw.latencyMicros(), raw.route(), raw.fault(),
        raw.error().map(redactor::scrub), truncated);
    return append(entry);
  }

  public JournalEntry.WebhookAttempt recordWebhook(Instant twinTime, String namespace, String eventId, String eventType, String url,
      int attempt, JournalEntry.Outcome outcome, int status, String detail, long latencyMicros, Optional<Instant> nextAttempt) {
    return append(new JournalEntry.WebhookAttempt(0, twinTime, wall.instant(), namespace, eventId, eventType, redactor.scrub(url),
        attempt, outcome, status, redactor.scrub(detail), latencyMicros, nextAttempt));
  }

  public JournalEntry.Lifecycle recordLifecycle(Instant twinTime, JournalEntry.Event event, String message) {
    return append(new JournalEntry.Lifecycle(0, twinTime, wall.instant(), event, redactor.scrub(message)));
  }

  /** Keeps an entry already redacted by its maker, giving it the next sequence number. */
  @SuppressWarnings("unchecked")
  public <E extends JournalEntry> E append(E draft) {
    E entry;
    lock.lock();
    try {
      entry = (E) draft.withSequence(++sequence);
      entries.addLast(entry);
      bytes += entry.estimatedBytes();
      while (entries.size() > limits.maxEntries() || (bytes > limits.maxBytes() && entries.size() > 1)) {
        bytes -= entries.removeFirst().estimatedBytes();
        dropped++;
      }
    } finally {
      lock.unlock();
    }
    notifyListeners(entry);
    return entry;
  }

  public List<JournalEntry> entries() {
    return entries(JournalQuery.ALL);
  }

  public List<JournalEntry> entries(JournalQuery query) {
    List<JournalEntry> matching = new ArrayList<>();
    lock.lock();
    try {
      for (JournalEntry entry : entries) {
        if (matching.size() >= query.limit()) {
          break;
        }
        if (query.matches(entry)) {
          matching.add(entry);
        }
      }
    } finally {
      lock.unlock();
    }
    return List.copyOf(matching);
  }

  /** The exchanges kept, oldest first. */
  public List<JournalEntry.Exchange> exchanges() {
    return entries(JournalQuery.ALL.ofKind(JournalEntry.Kind.EXCHANGE)).stream()
        .map(JournalEntry.Exchange.class::cast).toList();
  }

  /** The webhook attempts kept, oldest first. */
  public List<JournalEntry.WebhookAttempt> webhookAttempts() {
    return entries(JournalQuery.ALL.ofKind(JournalEntry.Kind.WEBHOOK)).stream()
        .map(JournalEntry.WebhookAttempt.class::cast).toList();
  }

  /** How many entries were dropped to stay within the limits since the journal was created or cleared. */
  public long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  public int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  /** The sequence number of the latest entry (0 before the first); kept across {@link #clear()}. */
  public long lastSequence() {
    lock.lock();
    try {
      return sequence;
    } finally {
      lock.unlock();
    }
  }

  public long estimatedBytes() {
    lock.lock();
    try {
      return bytes;
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every entry and the dropped count; sequence numbers keep rising. */
  public void clear() {
    lock.lock();
    try {
      entries.clear();
      bytes = 0;
      dropped = 0;
    } finally {
      lock.unlock();
    }
  }

  /** Calls {@code listener} with every entry appended from now on, on the appending thread; close to stop. */
  public AutoCloseable subscribe(Consumer<? super JournalEntry> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** How many times a listener threw (the entry is kept and the twin carries on regardless). */
  public long listenerFailures() {
    return listenerFailures.get();
  }

  private void notifyListeners(JournalEntry entry) {
    for (Consumer<? super JournalEntry> listener : listeners) {
      try {
        listener.accept(entry);
      } catch (RuntimeException e) {
        // A listener's bug must not fail the request being journaled; it is counted so a test can notice.
        listenerFailures.incrementAndGet();
      }
    }
  }

  private String cut(String text) {
    return text.length() <= limits.maxBodyChars() ? text : text.substring(0, limits.maxBodyChars());
  }

  private static String text(byte[] bytes) {
    return bytes == null || bytes.length == 0 ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return "";
  }
}
