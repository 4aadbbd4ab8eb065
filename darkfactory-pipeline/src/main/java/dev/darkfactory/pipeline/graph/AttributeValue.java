package dev.darkfactory.pipeline.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * A typed attribute value (attractor-spec.md 2.4): string, integer, float, boolean or duration.
 *
 * <p>The parser gives a value the type its syntax shows; for attributes the spec declares (Appendix
 * A) the value is then converted to the declared type, so {@code timeout="900s"} and {@code
 * timeout=900s} are the same {@link DurationValue}. {@link #text()} is the value as a string, the
 * form conditions, prompts and the context see.
 */
public sealed interface AttributeValue {

  /** The value as text: strings as they are, numbers and durations as written, booleans as {@code true}/{@code false}. */
  String text();

  /** A string, quoted or bare in the source. */
  record StringValue(String value) implements AttributeValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return value;
    }
  }

  /** An integer; {@code source} keeps the digits as written. */
  record IntegerValue(long value, String source) implements AttributeValue {
    public IntegerValue {
      Objects.requireNonNull(source, "source");
    }

    public static IntegerValue of(long value) {
      return new IntegerValue(value, Long.toString(value));
    }

    @Override
    public String text() {
      return source;
    }
  }

  /** A decimal number; {@code source} keeps it as written. */
  record FloatValue(double value, String source) implements AttributeValue {
    public FloatValue {
      Objects.requireNonNull(source, "source");
    }

    public static FloatValue of(double value) {
      return new FloatValue(value, Double.toString(value));
    }

    @Override
    public String text() {
      return source;
    }
  }

  /** {@code true} or {@code false}. */
  record BooleanValue(boolean value) implements AttributeValue {
    @Override
    public String text() {
      return Boolean.toString(value);
    }
  }

  /** A duration such as {@code 900s}; {@code source} keeps the text as written. */
  record DurationValue(Duration value, String source) implements AttributeValue {
    public DurationValue {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String text() {
      return source;
    }
  }

  static AttributeValue of(String value) {
    return new StringValue(value);
  }

  static AttributeValue of(long value) {
    return IntegerValue.of(value);
  }

  static AttributeValue of(boolean value) {
    return new BooleanValue(value);
  }
}
