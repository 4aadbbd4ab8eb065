package dev.darkfactory.cli.option;

import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.ValueSyntax;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line as in DOT files (attractor-spec.md 2.4): {@code 500ms}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return ValueSyntax.parseDuration(value.strip()).map(AttributeValue.DurationValue::value)
        .filter(d -> !d.isNegative() && !d.isZero())
        .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a duration: write a number with ms, s, m, h or d, e.g. 30m"));
  }
}
