package dev.darkfactory.twin.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class JournalTest {

  private static RawExchange exchange(String namespace, String body) {
    return new RawExchange(Instant.EPOCH, namespace, "POST", "/x", "", Map.of("content-type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8), 200, Map.of(), new byte[0], 10, "POST /x", Optional.empty(), Optional.empty());
  }

  @Test
  void theOldestEntriesAreDroppedAtTheEntryCapAndCounted() {
    Journal journal = new Journal(JournalLimits.DEFAULT.withMaxEntries(2), Redactor.defaults(), Clock.systemUTC());
    for (int i = 1; i <= 5; i++) {
      journal.recordExchange(exchange("ns", "{\"n\":" + i + "}"));
    }

    assertThat(journal.size()).isEqualTo(2);
    assertThat(journal.dropped()).isEqualTo(3);
    assertThat(journal.exchanges()).extracting(JournalEntry::sequence).containsExactly(4L, 5L);
  }

  @Test
  void theByteCapBoundsMemoryWhateverTheEntryCount() {
    Journal journal = new Journal(new JournalLimits(1_000_000, 20_000, 100_000), Redactor.defaults(), Clock.systemUTC());
    for (int i = 0; i < 100; i++) {
      journal.recordExchange(exchange("ns", "x".repeat(2_000)));
    }

    assertThat(journal.estimatedBytes()).isLessThanOrEqualTo(20_000);
    assertThat(journal.dropped()).isPositive();
    assertThat(journal.size()).isLessThan(10);
  }

  @Test
  void longBodiesAreCutAndMarked() {
    Journal journal = new Journal(JournalLimits.DEFAULT.withMaxBodyChars(8), Redactor.defaults(), Clock.systemUTC());

    JournalEntry.Exchange entry = journal.recordExchange(exchange("ns", "0123456789abcdef"));

    assertThat(entry.requestBody()).isEqualTo("01234567");
    assertThat(entry.truncated()).isTrue();
  }

  @Test
  void queriesFilterByNamespaceKindAndSequence() {
    Journal journal = Journal.create();
    journal.recordExchange(exchange("a", "{}"));
    journal.recordLifecycle(Instant.EPOCH, JournalEntry.Event.STARTED, "up");
    journal.recordExchange(exchange("b", "{}"));

    assertThat(journal.entries(JournalQuery.ALL.inNamespace("b"))).hasSize(1);
    assertThat(journal.entries(JournalQuery.ALL.ofKind(JournalEntry.Kind.LIFECYCLE))).hasSize(1);
    assertThat(journal.entries(JournalQuery.ALL.after(1))).hasSize(2);
    assertThat(journal.entries(JournalQuery.ALL.limit(1))).extracting(JournalEntry::sequence).containsExactly(1L);
  }

  @Test
  void subscribersSeeEveryNewEntryAndTheirFailuresAreCountedNotThrown() throws Exception {
    Journal journal = Journal.create();
    CopyOnWriteArrayList<Long> seen = new CopyOnWriteArrayList<>();
    AutoCloseable subscription = journal.subscribe(entry -> seen.add(entry.sequence()));
    AutoCloseable broken = journal.subscribe(entry -> {
      throw new IllegalStateException("listener bug");
    });
    journal.recordExchange(exchange("a", "{}"));
    subscription.close();
    broken.close();
    journal.recordExchange(exchange("a", "{}"));

    assertThat(seen).containsExactly(1L);
    assertThat(journal.listenerFailures()).isEqualTo(1);
  }
}
