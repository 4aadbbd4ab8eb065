package dev.darkfactory.twin.clock;

import java.util.SplittableRandom;

/**
 * The ids of one namespace ({@code cus_NffrFeUfNV2Hib}), drawn from a random source seeded by the twin's id
 * seed and the namespace, so the same seed and the same requests give the same ids, whatever other
 * namespaces do meanwhile. Safe for concurrent use.
 */
public final class IdGenerator {

  private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private final SplittableRandom random;

  public IdGenerator(long seed, String namespaceId) {
    this.random = new SplittableRandom(Seeds.mix(seed, "ids:" + namespaceId));
  }

  /** {@code prefix_} followed by {@code length} base-62 characters. */
  public synchronized String next(String prefix, int length) {
    StringBuilder id = new StringBuilder(prefix.length() + 1 + length).append(prefix).append('_');
    appendToken(id, length);
    return id.toString();
  }

  /** {@code length} base-62 characters. */
  public synchronized String token(int length) {
    StringBuilder token = new StringBuilder(length);
    appendToken(token, length);
    return token.toString();
  }

  /** A number in {@code [0, bound)}. */
  public synchronized int nextInt(int bound) {
    return random.nextInt(bound);
  }

  private void appendToken(StringBuilder out, int length) {
    for (int i = 0; i < length; i++) {
      out.append(BASE62[random.nextInt(BASE62.length)]);
    }
  }
}
