package dev.darkfactory.agent.env;

/**
 * Collects a stream's text up to a bound, keeping the first and the last half when it overflows, so
 * a command that prints forever cannot exhaust memory. Thread-safe.
 */
final class CappedText {
  private final int half;
  private final StringBuilder head = new StringBuilder();
  private final StringBuilder tail = new StringBuilder();
  private long dropped;

  CappedText(int maxChars) {
    this.half = Math.max(1, maxChars / 2);
  }

  synchronized void append(char[] chars, int length) {
    int offset = 0;
    if (head.length() < half) {
      int take = Math.min(length, half - head.length());
      head.append(chars, 0, take);
      offset = take;
    }
    if (offset < length) {
      tail.append(chars, offset, length - offset);
      if (tail.length() > 2 * half) {
        int excess = tail.length() - half;
        tail.delete(0, excess);
        dropped += excess;
      }
    }
  }

  synchronized String text() {
    if (dropped == 0) {
      return head.toString() + tail;
    }
    int excess = tail.length() - half;
    long totalDropped = dropped + Math.max(0, excess);
    String kept = excess > 0 ? tail.substring(excess) : tail.toString();
    return head
        + "\n[... "
        + totalDropped
        + " characters of output were not kept in memory ...]\n"
        + kept;
  }
}
