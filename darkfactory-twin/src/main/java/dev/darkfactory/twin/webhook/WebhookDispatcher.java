package dev.darkfactory.twin.webhook;

import dev.darkfactory.twin.clock.TwinClock;
import dev.darkfactory.twin.fault.FaultSet;
import dev.darkfactory.twin.fault.WebhookDecision;
import dev.darkfactory.twin.journal.Journal;
import dev.darkfactory.twin.journal.JournalEntry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers webhooks: each on a virtual thread, signed at send time, retried with backoff on the twin's clock,
 * every attempt journaled (delivered, failed, abandoned, dropped), drops, duplicates and latency from the
 * twin's fault rules. Receivers outside the {@link WebhookOptions} policy are refused at send time too.
 */
public final class WebhookDispatcher implements WebhookOutbox, AutoCloseable {

  private final WebhookOptions options;
  private final TwinClock clock;
  private final Journal journal;
  private final FaultSet faults;
  private final Clock wall;
  private final HttpClient http;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int inFlight;
  private int scheduled;
  private volatile boolean closed;

  public WebhookDispatcher(WebhookOptions options, TwinClock clock, Journal journal, FaultSet faults, Clock wall) {
    this.options = options;
    this.clock = clock;
    this.journal = journal;
    this.faults = faults;
    this.wall = wall;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }

  @Override
  public Optional<String> refusal(URI url) {
    return ReceiverPolicy.refusal(url, options.loopbackOnly());
  }

  @Override
  public void send(Webhook webhook) {
    if (closed) {
      return;
    }
    WebhookDecision decision = faults.onWebhook(webhook.eventType(), webhook.namespace());
    if (decision.droppedBy().isPresent()) {
      journal.recordWebhook(clock.now(), webhook.namespace().id(), webhook.eventId(), webhook.eventType(), webhook.url().toString(),
          1, JournalEntry.Outcome.DROPPED, 0, "dropped by fault rule " + decision.droppedBy().get(), 0, Optional.empty());
      return;
    }
    for (int copy = 0; copy <= decision.duplicates(); copy++) {
      start(webhook, DeliveryAttempt.FIRST, decision.latency());
    }
  }

  private void start(Webhook webhook, DeliveryAttempt attempt, Duration latency) {
    lock.lock();
    try {
      inFlight++;
    } finally {
      lock.unlock();
    }
    Thread.ofVirtual().name("twin-webhook").start(() -> {
      try {
        attempt(webhook, attempt, latency);
      } finally {
        finished();
      }
    });
  }

  private void attempt(Webhook webhook, DeliveryAttempt attempt, Duration latency) {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    long started = System.nanoTime();
    int status = 0;
    String detail;
    DeliveryAttempt.Failure failure = null;
    Optional<String> refused = refusal(webhook.url());
    if (refused.isPresent()) {
      detail = refused.get();
    } else {
      try {
        HttpResponse<Void> response = http.send(request(webhook, attempt), HttpResponse.BodyHandlers.discarding());
        status = response.statusCode();
        detail = "HTTP " + status;
        failure = new DeliveryAttempt.Failure.HttpStatus(status);
      } catch (HttpTimeoutException e) {
        detail = "no response within " + options.timeout().toMillis() + " ms";
        failure = new DeliveryAttempt.Failure.Timeout();
      } catch (IOException e) {
        detail = "could not deliver: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        failure = new DeliveryAttempt.Failure.ConnectionFailed(detail);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    long micros = (System.nanoTime() - started) / 1000;
    boolean delivered = status >= 200 && status < 300;
    boolean last = attempt.number() >= options.retry().maxAttempts() || refused.isPresent() || closed;
    Optional<Instant> next = delivered || last ? Optional.empty()
        : Optional.of(clock.now().plus(options.retry().backoffBefore(attempt.number() + 1)));
    JournalEntry.Outcome outcome = delivered ? JournalEntry.Outcome.DELIVERED
        : last ? JournalEntry.Outcome.ABANDONED : JournalEntry.Outcome.FAILED;
    journal.recordWebhook(clock.now(), webhook.namespace().id(), webhook.eventId(), webhook.eventType(), webhook.url().toString(),
        attempt.number(), outcome, status, detail, micros, next);
    if (next.isPresent()) {
      scheduleRetry(webhook, new DeliveryAttempt(attempt.number() + 1, Optional.ofNullable(failure)));
    }
  }

  private void scheduleRetry(Webhook webhook, DeliveryAttempt attempt) {
    lock.lock();
    try {
      scheduled++;
    } finally {
      lock.unlock();
    }
    clock.schedule(options.retry().backoffBefore(attempt.number()), () -> {
      lock.lock();
      try {
        scheduled--;
      } finally {
        lock.unlock();
      }
      if (!closed) {
        start(webhook, attempt, Duration.ZERO);
      }
    });
  }

  private HttpRequest request(Webhook webhook, DeliveryAttempt attempt) {
    Instant signedAt = options.signatureTime() == WebhookOptions.SignatureTime.TWIN ? clock.now() : wall.instant();
    HttpRequest.Builder request = HttpRequest.newBuilder(webhook.url())
        .timeout(options.timeout())
        .header("Content-Type", webhook.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.payload()));
    webhook.headers().forEach(request::header);
    for (Map.Entry<String, String> header : webhook.signer().sign(webhook.payload(), webhook.secret(), signedAt, attempt).entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    return request.build();
  }

  private void finished() {
    lock.lock();
    try {
      inFlight--;
      idle.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Deliveries being attempted right now (not counting retries waiting for their time). */
  public int inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }

  /** Retries waiting on the twin's clock. */
  public int scheduledRetries() {
    lock.lock();
    try {
      return scheduled;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until no attempt is in flight; false on timeout. Retries waiting for their time do not count. */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        idle.await(left, TimeUnit.NANOSECONDS);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    http.shutdownNow();
  }
}
