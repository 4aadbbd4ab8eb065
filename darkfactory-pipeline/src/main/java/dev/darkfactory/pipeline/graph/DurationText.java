package dev.darkfactory.pipeline.graph;

import dev.darkfactory.pipeline.problem.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Durations written outside a DOT file: command-line options ({@code --timeout}, {@code
 * --stall-timeout}, {@code twin --duration}) and the HTTP API's {@code budgets.timeout}. One
 * syntax everywhere, the DOT form of attractor-spec.md 2.4 ({@code 250ms}, {@code 90s}, {@code 30m},
 * {@code 2h}, {@code 1d}), with ISO-8601 ({@code PT30M}, {@code P1D}) accepted as an alias. A
 * duration must be longer than zero and at most {@link #MAX}: longer ones would overflow the
 * nanosecond clocks that timers use, and no run needs them.
 */
public final class DurationText {
  /** The longest duration accepted: 100 years. */
  public static final Duration MAX = Duration.ofDays(36_500);

  private static final String FORMS = "write a whole number with ms, s, m, h or d, such as 90s or 30m (ISO-8601 such as PT30M works too)";

  private DurationText() {}

  /** The duration {@code text} says; a plain {@link InvalidValueException} when it is none, not positive, or too long. */
  public static Duration parse(String text) {
    String written = text.strip();
    if (written.isEmpty()) {
      throw new InvalidValueException("a duration is missing: " + FORMS);
    }
    return check(isIso(written) ? iso(written) : dot(written), written);
  }

  /** {@code duration}, when it is one {@link #parse} accepts: at least 1ms, at most {@link #MAX}. */
  public static Duration require(Duration duration) {
    boolean formattable = !duration.isNegative() && duration.compareTo(MAX) <= 0 && duration.toMillis() > 0;
    return check(duration, formattable ? format(duration) : duration.toString());
  }

  private static Duration check(Duration duration, String written) {
    if (duration.isNegative() || duration.isZero()) {
      throw notPositive(written);
    }
    if (duration.compareTo(MAX) > 0) {
      throw tooLong(written);
    }
    if (duration.toMillis() < 1) {
      throw new InvalidValueException("'" + clip(written) + "' is shorter than 1ms, the shortest duration");
    }
    return duration;
  }

  /**
   * A whole number of seconds ({@code 3600}, also written {@code 3.6e3}), as the HTTP API's
   * deprecated {@code budgets.max_seconds} takes it, checked as {@link #parse} checks durations.
   */
  public static Duration parseSeconds(String text) {
    String written = text.strip();
    BigDecimal seconds;
    try {
      seconds = written.length() > 40 ? null : new BigDecimal(written);
    } catch (NumberFormatException notANumber) {
      seconds = null;
    }
    if (seconds == null || seconds.stripTrailingZeros().scale() > 0) {
      throw new InvalidValueException("'" + clip(written) + "' is not a whole number of seconds, such as 3600");
    }
    if (seconds.signum() <= 0) {
      throw notPositive(written);
    }
    if (seconds.compareTo(BigDecimal.valueOf(MAX.toSeconds())) > 0) {
      throw tooLong(written);
    }
    return Duration.ofSeconds(seconds.longValueExact());
  }

  /** {@code d} as the DOT form writes it, in its largest exact unit: {@code 1800000ms} is {@code 30m}. */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis % 86_400_000L == 0) {
      return millis / 86_400_000L + "d";
    }
    if (millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis % 60_000L == 0) {
      return millis / 60_000L + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  private static Duration dot(String written) {
    var parsed = ValueSyntax.parseDuration(written);
    if (parsed.isPresent()) {
      return parsed.get().value();
    }
    if (isOverflowingDuration(written)) {
      throw written.startsWith("-") ? notPositive(written) : tooLong(written);
    }
    throw new InvalidValueException("'" + clip(written) + "' is not a duration: " + FORMS);
  }

  private static Duration iso(String written) {
    try {
      return Duration.parse(written.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      if (e.getCause() instanceof ArithmeticException) {
        throw tooLong(written);
      }
      throw new InvalidValueException("'" + clip(written) + "' is not a duration: " + FORMS);
    }
  }

  private static boolean isIso(String written) {
    char first = Character.toUpperCase(written.charAt(0));
    return first == 'P' || ((first == '-' || first == '+') && written.length() > 1 && Character.toUpperCase(written.charAt(1)) == 'P');
  }

  /** Digits and a known unit whose amount does not fit: {@code 99999999999999999h}. */
  private static boolean isOverflowingDuration(String written) {
    int unitStart = written.length();
    while (unitStart > 0 && Character.isLetter(written.charAt(unitStart - 1))) {
      unitStart--;
    }
    String unit = written.substring(unitStart);
    if (unitStart == 0 || !(unit.equals("ms") || unit.equals("s") || unit.equals("m") || unit.equals("h") || unit.equals("d"))) {
      return false;
    }
    int start = written.charAt(0) == '-' ? 1 : 0;
    if (start >= unitStart) {
      return false;
    }
    for (int i = start; i < unitStart; i++) {
      if (!ValueSyntax.isDigit(written.charAt(i))) {
        return false;
      }
    }
    return true; // well-formed, so ValueSyntax refused it for its size
  }

  private static String clip(String written) {
    return written.length() > 40 ? written.substring(0, 40) + "..." : written;
  }

  private static InvalidValueException notPositive(String written) {
    return new InvalidValueException("'" + clip(written) + "' is not positive: a duration must be longer than zero, such as 30m");
  }

  private static InvalidValueException tooLong(String written) {
    return new InvalidValueException("'" + clip(written) + "' is too large: the longest duration is " + format(MAX) + " (100 years)");
  }
}
