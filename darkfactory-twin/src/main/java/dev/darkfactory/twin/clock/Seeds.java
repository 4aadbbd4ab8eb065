package dev.darkfactory.twin.clock;

import java.nio.charset.StandardCharsets;

/** Derives independent, reproducible seeds from one twin seed and a name (a namespace, a fault rule). */
public final class Seeds {

  private Seeds() {}

  /** SplitMix64 over the seed mixed with the FNV-1a hash of {@code salt}: stable across JVMs and runs. */
  public static long mix(long seed, String salt) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : salt.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    long z = seed ^ hash;
    z += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
