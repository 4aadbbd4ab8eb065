package dev.darkfactory.cli.option;

import dev.darkfactory.pipeline.graph.DurationText;
import dev.darkfactory.pipeline.problem.InvalidValueException;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations on the command line, read by the parser the HTTP API uses ({@link DurationText}): the
 * DOT form of attractor-spec.md 2.4 ({@code 500ms}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d})
 * or ISO-8601 ({@code PT30M}); positive, at most 100 years.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return DurationText.parse(value);
    } catch (InvalidValueException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
