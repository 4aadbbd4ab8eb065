package dev.darkfactory.twin.journal;

/**
 * How much a journal keeps: at most {@code maxEntries} entries and about {@code maxBytes} of them, the oldest
 * dropped first (and counted); bodies longer than {@code maxBodyChars} are cut and the entry marked truncated.
 */
public record JournalLimits(int maxEntries, long maxBytes, int maxBodyChars) {

  public static final JournalLimits DEFAULT = new JournalLimits(10_000, 64L * 1024 * 1024, 32 * 1024);

  public JournalLimits {
    if (maxEntries < 1 || maxBytes < 1 || maxBodyChars < 0) {
      throw new IllegalArgumentException("Journal limits must be positive: " + maxEntries + " entries, " + maxBytes + " bytes, "
          + maxBodyChars + " body characters");
    }
  }

  public JournalLimits withMaxEntries(int entries) {
    return new JournalLimits(entries, maxBytes, maxBodyChars);
  }

  public JournalLimits withMaxBytes(long bytes) {
    return new JournalLimits(maxEntries, bytes, maxBodyChars);
  }

  public JournalLimits withMaxBodyChars(int chars) {
    return new JournalLimits(maxEntries, maxBytes, chars);
  }
}
