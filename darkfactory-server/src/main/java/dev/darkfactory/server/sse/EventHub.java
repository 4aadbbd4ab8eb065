package dev.darkfactory.server.sse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events of one run, for any number of SSE readers: the full history (so late joiners and
 * reconnecting clients replay what they missed) and the live subscribers. Appending and
 * subscribing share one lock, so a new subscriber sees every event exactly once: either in its
 * backlog or in its queue.
 */
public final class EventHub {
  private final List<EventRecord> history = new ArrayList<>();
  private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
  private final int queueCapacity;
  private boolean closed;

  /**
   * @param earlier events already in the run's log (a resumed run continues its numbering)
   * @param queueCapacity how many events a subscriber may fall behind before it is cut off
   */
  public EventHub(List<String> earlier, int queueCapacity) {
    this.queueCapacity = queueCapacity;
    for (String json : earlier) {
      history.add(new EventRecord(history.size() + 1, json));
    }
  }

  /** Adds an event and hands it to every subscriber; returns its id. */
  public synchronized long append(String json) {
    EventRecord record = new EventRecord(history.size() + 1, json);
    history.add(record);
    for (Subscription subscriber : subscribers) {
      subscriber.offer(record);
      if (subscriber.isOverflowing()) {
        subscribers.remove(subscriber);
      }
    }
    return record.id();
  }

  /** Subscribes after event {@code lastSeenId} (0 for everything). A closed hub gives a backlog and an ended queue. */
  public synchronized Subscription subscribe(long lastSeenId) {
    long from = Math.max(0, Math.min(lastSeenId, history.size()));
    Subscription subscription = new Subscription(history.subList((int) from, history.size()), queueCapacity);
    if (closed) {
      subscription.end();
    } else {
      subscribers.add(subscription);
    }
    return subscription;
  }

  public void unsubscribe(Subscription subscription) {
    subscribers.remove(subscription);
  }

  /** The run is over: subscribers drain what they have and their streams end. */
  public synchronized void close() {
    closed = true;
    subscribers.forEach(Subscription::end);
    subscribers.clear();
  }

  /** Reopens a finished hub for a resumed run. */
  public synchronized void reopen() {
    closed = false;
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  public synchronized long size() {
    return history.size();
  }

  /** A copy of the history, for folding into a run's progress. */
  public synchronized List<EventRecord> history() {
    return new ArrayList<>(history);
  }

  public int subscriberCount() {
    return subscribers.size();
  }
}
