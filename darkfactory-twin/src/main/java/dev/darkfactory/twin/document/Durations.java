package dev.darkfactory.twin.document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in rule files and control calls: {@code 250ms}, {@code 1.5s}, {@code 2m}, {@code PT1S}. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private Durations() {}

  public static Optional<Duration> parse(String text) {
    String trimmed = text.trim();
    Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      BigDecimal amount = new BigDecimal(matcher.group(1));
      BigDecimal millis = switch (matcher.group(2)) {
        case "ms" -> amount;
        case "s" -> amount.movePointRight(3);
        case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
        default -> amount.multiply(BigDecimal.valueOf(3_600_000));
      };
      return Optional.of(Duration.ofNanos(millis.movePointRight(6).longValue()));
    }
    if (trimmed.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        Duration duration = Duration.parse(trimmed);
        return duration.isNegative() ? Optional.empty() : Optional.of(duration);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The short form, for listings: {@code 250ms}, {@code 2s}, {@code 1.5s}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0 || millis == 0) {
      return millis + "ms";
    }
    return millis / 1000 + "s";
  }
}
