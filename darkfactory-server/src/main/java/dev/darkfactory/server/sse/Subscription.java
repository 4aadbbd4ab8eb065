package dev.darkfactory.server.sse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber's view of a hub: the backlog it missed (replay) and a bounded queue of live events.
 * The hub only ever {@code offer}s, so a slow reader can never stall the run or other readers; when
 * the queue overflows the subscription is ended, and the client reconnects with {@code
 * Last-Event-ID} and catches up from the hub's history.
 */
public final class Subscription {
  /** Marks the end of the stream in the queue. */
  private static final EventRecord END = new EventRecord(-1, "");

  private final List<EventRecord> backlog;
  private final BlockingQueue<EventRecord> queue;
  private volatile boolean overflowed;
  private volatile boolean ended;

  Subscription(List<EventRecord> backlog, int capacity) {
    this.backlog = List.copyOf(backlog);
    this.queue = new ArrayBlockingQueue<>(capacity + 1);
  }

  /** Events that happened before the subscription, after the id the client had seen. */
  public List<EventRecord> backlog() {
    return backlog;
  }

  /** Called by the hub under its lock; never blocks. */
  void offer(EventRecord record) {
    if (ended) {
      return;
    }
    // The queue has one slot more than its capacity so that an overflow can still enqueue END.
    if (queue.remainingCapacity() <= 1 || !queue.offer(record)) {
      overflowed = true;
      end();
    }
  }

  void end() {
    if (!ended) {
      ended = true;
      queue.offer(END);
    }
  }

  /**
   * The next live event, empty when {@code wait} passes with nothing (time for a heartbeat), or
   * when the stream is over ({@link #isOver()} then says so).
   */
  public Optional<EventRecord> next(Duration wait) throws InterruptedException {
    EventRecord record = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (record == END) {
      return Optional.empty();
    }
    return Optional.ofNullable(record);
  }

  /** True once the run has finished (or the queue overflowed) and every queued event was taken. */
  public boolean isOver() {
    return ended && (queue.isEmpty() || queue.peek() == END);
  }

  boolean isOverflowing() {
    return overflowed;
  }

  /** True when the reader fell too far behind and was cut off. */
  public boolean overflowed() {
    return overflowed;
  }
}
