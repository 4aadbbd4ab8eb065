package dev.darkfactory.server.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventHubTest {
  private static final Duration NOW = Duration.ZERO;

  @Test
  void ids_continue_from_the_events_already_logged() {
    EventHub hub = new EventHub(List.of("{\"a\":1}", "{\"a\":2}"), 8);
    assertThat(hub.append("{\"a\":3}")).isEqualTo(3);
    assertThat(hub.subscribe(0).backlog()).extracting(EventRecord::id).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aSubscriberGetsTheBacklogAfterItsLastIdThenLiveEventsExactlyOnce() throws InterruptedException {
    EventHub hub = new EventHub(List.of(), 8);
    hub.append("1");
    hub.append("2");
    Subscription subscription = hub.subscribe(1);
    hub.append("3");
    assertThat(subscription.backlog()).extracting(EventRecord::json).containsExactly("2");
    assertThat(subscription.next(NOW)).map(EventRecord::json).contains("3");
    assertThat(subscription.next(NOW)).isEmpty();
    assertThat(subscription.isOver()).isFalse();
  }

  @Test
  void closingEndsEverySubscriptionAfterItsQueuedEvents() throws InterruptedException {
    EventHub hub = new EventHub(List.of(), 8);
    Subscription subscription = hub.subscribe(0);
    hub.append("last");
    hub.close();
    assertThat(subscription.next(NOW)).map(EventRecord::json).contains("last");
    assertThat(subscription.next(NOW)).isEmpty();
    assertThat(subscription.isOver()).isTrue();
    assertThat(subscription.overflowed()).isFalse();
    Subscription late = hub.subscribe(0);
    assertThat(late.backlog()).hasSize(1);
    assertThat(late.isOver()).isTrue();
  }

  @Test
  void aSlowSubscriberIsCutOffWithoutBlockingTheRunOrOthers() throws InterruptedException {
    EventHub hub = new EventHub(List.of(), 4);
    Subscription slow = hub.subscribe(0);
    Subscription fast = hub.subscribe(0);
    for (int i = 1; i <= 10; i++) {
      hub.append(Integer.toString(i));
      assertThat(fast.next(NOW)).map(EventRecord::json).contains(Integer.toString(i));
    }
    assertThat(slow.overflowed()).isTrue();
    assertThat(hub.subscriberCount()).isEqualTo(1);
    Optional<EventRecord> first;
    int drained = 0;
    while ((first = slow.next(NOW)).isPresent()) {
      drained++;
    }
    assertThat(drained).isLessThanOrEqualTo(4);
    assertThat(slow.isOver()).isTrue();
    // Reconnecting with the last id it saw, it catches up from the history.
    assertThat(hub.subscribe(drained).backlog()).hasSize(10 - drained);
  }

  @Test
  void aLastIdBeyondTheHistoryGivesAnEmptyBacklog() {
    EventHub hub = new EventHub(List.of("x"), 4);
    assertThat(hub.subscribe(99).backlog()).isEmpty();
  }
}
