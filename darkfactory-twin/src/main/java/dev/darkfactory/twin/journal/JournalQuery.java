package dev.darkfactory.twin.journal;

import java.util.Objects;
import java.util.Optional;

/** Which entries to read: after a sequence number, of one namespace and kind, at most {@code limit}, oldest first. */
public record JournalQuery(Optional<String> namespace, Optional<JournalEntry.Kind> kind, long afterSequence, int limit) {

  public static final JournalQuery ALL = new JournalQuery(Optional.empty(), Optional.empty(), 0, Integer.MAX_VALUE);

  public JournalQuery {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(kind, "kind");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }

  public JournalQuery inNamespace(String namespaceId) {
    return new JournalQuery(Optional.of(namespaceId), kind, afterSequence, limit);
  }

  public JournalQuery ofKind(JournalEntry.Kind entryKind) {
    return new JournalQuery(namespace, Optional.of(entryKind), afterSequence, limit);
  }

  public JournalQuery after(long sequence) {
    return new JournalQuery(namespace, kind, sequence, limit);
  }

  public JournalQuery limit(int max) {
    return new JournalQuery(namespace, kind, afterSequence, max);
  }

  boolean matches(JournalEntry entry) {
    return entry.sequence() > afterSequence
        && namespace.map(entry.namespace()::equals).orElse(true)
        && kind.map(k -> k == entry.kind()).orElse(true);
  }
}
