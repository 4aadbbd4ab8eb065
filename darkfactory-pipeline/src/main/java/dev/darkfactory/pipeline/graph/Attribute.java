package dev.darkfactory.pipeline.graph;

import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.Objects;

/**
 * One {@code key=value} pair where it was written: the position is the value's start, so errors
 * inside a condition or stylesheet can point into it. Inherited defaults keep the position of the
 * {@code node [...]} or {@code edge [...]} block that set them.
 */
public record Attribute(String key, AttributeValue value, SourcePosition position) {
  public Attribute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(position, "position");
  }

  public static Attribute of(String key, AttributeValue value) {
    return new Attribute(key, value, SourcePosition.UNKNOWN);
  }

  public static Attribute of(String key, String value) {
    return of(key, new AttributeValue.StringValue(value));
  }
}
