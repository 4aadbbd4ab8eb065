package dev.darkfactory.twin.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A twin's notion of now: the system clock, or a fixed instant that moves only when set or advanced, so two
 * runs see the same timestamps. Timers ({@link #schedule}) run on this time: under a fixed clock a webhook
 * retry due in an hour fires when the clock is advanced by an hour, not an hour later.
 *
 * <p>Due tasks run on new virtual threads, never on the thread that moved the clock.
 */
public final class TwinClock implements AutoCloseable {

  /** Where now comes from. */
  public enum Mode {
    SYSTEM,
    FIXED
  }

  /** A reading: the mode and the instant it gave. */
  public record Reading(Mode mode, Instant now) {}

  private record Timer(Instant due, long order, Runnable task) {}

  private final Clock system;
  private final ReentrantLock lock = new ReentrantLock();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> {
    int byDue = a.due.compareTo(b.due);
    return byDue != 0 ? byDue : Long.compare(a.order, b.order);
  });
  private final ScheduledExecutorService waker;
  private ScheduledFuture<?> wake;
  private long order;
  private Mode mode = Mode.SYSTEM;
  private Instant fixed = Instant.EPOCH;
  private boolean closed;

  private TwinClock(Clock system) {
    this.system = system;
    this.waker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("twin-clock").factory());
  }

  /** A clock that follows {@code system} until set. */
  public static TwinClock create(Clock system) {
    return new TwinClock(Objects.requireNonNull(system, "system"));
  }

  public static TwinClock system() {
    return create(Clock.systemUTC());
  }

  /** A clock frozen at {@code start}. */
  public static TwinClock fixedAt(Instant start) {
    TwinClock clock = system();
    clock.set(start);
    return clock;
  }

  public Instant now() {
    lock.lock();
    try {
      return mode == Mode.FIXED ? fixed : system.instant();
    } finally {
      lock.unlock();
    }
  }

  public Reading reading() {
    lock.lock();
    try {
      return new Reading(mode, mode == Mode.FIXED ? fixed : system.instant());
    } finally {
      lock.unlock();
    }
  }

  /** Freezes the clock at {@code instant} (which may be earlier than now) and runs the timers now due. */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    lock.lock();
    try {
      mode = Mode.FIXED;
      fixed = instant;
    } finally {
      lock.unlock();
    }
    pump();
  }

  /**
   * Moves the clock forward. A system clock is frozen at now plus {@code delta}: advancing means taking
   * charge of time.
   */
  public void advance(Duration delta) {
    if (delta.isNegative()) {
      throw new IllegalArgumentException("A clock advances by a positive duration, not " + delta);
    }
    lock.lock();
    try {
      fixed = (mode == Mode.FIXED ? fixed : system.instant()).plus(delta);
      mode = Mode.FIXED;
    } finally {
      lock.unlock();
    }
    pump();
  }

  /** Follows the system clock again. */
  public void useSystem() {
    lock.lock();
    try {
      mode = Mode.SYSTEM;
    } finally {
      lock.unlock();
    }
    pump();
  }

  /** Runs {@code task} once this clock reaches now plus {@code delay}. */
  public void schedule(Duration delay, Runnable task) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      timers.add(new Timer(now().plus(delay), order++, task));
    } finally {
      lock.unlock();
    }
    pump();
  }

  /** How many timers wait to become due. */
  public int pendingTimers() {
    lock.lock();
    try {
      return timers.size();
    } finally {
      lock.unlock();
    }
  }

  /** Starts every due task and arms the system-time wake-up for the next one. */
  private void pump() {
    lock.lock();
    try {
      Instant now = mode == Mode.FIXED ? fixed : system.instant();
      while (!timers.isEmpty() && !timers.peek().due.isAfter(now)) {
        Runnable task = timers.poll().task;
        Thread.ofVirtual().name("twin-timer").start(task);
      }
      if (wake != null) {
        wake.cancel(false);
        wake = null;
      }
      if (mode == Mode.SYSTEM && !timers.isEmpty() && !closed) {
        long nanos = Math.max(0, Duration.between(now, timers.peek().due).toNanos());
        wake = waker.schedule(this::pump, nanos, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Drops pending timers and stops the wake-up thread. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      timers.clear();
    } finally {
      lock.unlock();
    }
    waker.shutdownNow();
  }
}
