package dev.darkfactory.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.problem.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one duration syntax of options and API fields: the DOT form, ISO-8601 as an alias, positive, bounded. */
class DurationTextTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"250ms, PT0.25S", "90s, PT1M30S", "30m, PT30M", "2h, PT2H", "1d, PT24H", "PT30M, PT30M", "pt10m, PT10M", "P1D, PT24H",
      "' 15m ', PT15M", "36500d, PT876000H"})
  void readsTheDotFormAndIsoAsAnAlias(String text, String expected) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      0s                   | '0s' is not positive: a duration must be longer than zero, such as 30m
      -5m                  | '-5m' is not positive: a duration must be longer than zero, such as 30m
      PT0S                 | 'PT0S' is not positive: a duration must be longer than zero, such as 30m
      99999999999999999h   | '99999999999999999h' is too large: the longest duration is 36500d (100 years)
      36501d               | '36501d' is too large: the longest duration is 36500d (100 years)
      PT99999999999999999H | 'PT99999999999999999H' is too large: the longest duration is 36500d (100 years)
      10x                  | '10x' is not a duration: write a whole number with ms, s, m, h or d, such as 90s or 30m (ISO-8601 such as PT30M works too)
      1.5h                 | '1.5h' is not a duration: write a whole number with ms, s, m, h or d, such as 90s or 30m (ISO-8601 such as PT30M works too)
      PT0.0001S            | 'PT0.0001S' is shorter than 1ms, the shortest duration
      PTxM                 | 'PTxM' is not a duration: write a whole number with ms, s, m, h or d, such as 90s or 30m (ISO-8601 such as PT30M works too)
      """)
  void refusesWhatIsNoDurationNotPositiveOrTooLargeSayingWhich(String text, String message) {
    assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(InvalidValueException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      3600  | PT1H
      3.6e3 | PT1H
      """)
  void readsWholeSeconds(String text, String expected) {
    assertThat(DurationText.parseSeconds(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      1e23  | '1e23' is too large: the longest duration is 36500d (100 years)
      1.5   | '1.5' is not a whole number of seconds, such as 3600
      0     | '0' is not positive: a duration must be longer than zero, such as 30m
      """)
  void refusesSecondsAsDurationsAreRefused(String text, String message) {
    assertThatThrownBy(() -> DurationText.parseSeconds(text)).isInstanceOf(InvalidValueException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PT30M, 30m", "PT2H, 2h", "PT1.5S, 1500ms", "PT24H, 1d", "PT90S, 90s"})
  void formatsInTheLargestExactUnit(String duration, String expected) {
    assertThat(DurationText.format(Duration.parse(duration))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aDurationAlreadyParsedIsCheckedByTheSameRules() {
    assertThat(DurationText.require(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> DurationText.require(Duration.ZERO)).hasMessageStartingWith("'PT0S' is not positive");
    assertThatThrownBy(() -> DurationText.require(Duration.ofDays(40_000))).hasMessageContaining("is too large: the longest duration is 36500d");
    assertThatThrownBy(() -> DurationText.require(Duration.ofNanos(10))).hasMessageContaining("shorter than 1ms");
  }
}
