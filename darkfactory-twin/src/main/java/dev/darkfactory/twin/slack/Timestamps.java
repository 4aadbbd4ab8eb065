package dev.darkfactory.twin.slack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Slack's message timestamps: seconds, a dot and six digits ({@code "1700000000.000100"}). A {@code ts} is also a
 * message's id in its channel, so the twin keeps them unique and rising per workspace: the clock's microseconds, or
 * one more than the last when the clock has not moved (a fixed clock gives {@code .000000}, {@code .000001}, ...).
 */
final class Timestamps {

  private Timestamps() {}

  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  static String format(long micros) {
    return String.format("%d.%06d", Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L));
  }

  /** A {@code ts} as microseconds; empty when it is not one ({@code 1700000000}, {@code 1700000000.5} are). */
  static Optional<Long> parse(String ts) {
    if (ts == null || ts.isBlank()) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(ts.trim());
      if (value.signum() < 0 || value.scale() > 6) {
        return Optional.empty();
      }
      return Optional.of(value.movePointRight(6).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty(); // not a number: not a timestamp
    }
  }
}
