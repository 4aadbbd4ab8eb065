package dev.darkfactory.pipeline.graph;

import dev.darkfactory.pipeline.graph.AttributeValue.BooleanValue;
import dev.darkfactory.pipeline.graph.AttributeValue.DurationValue;
import dev.darkfactory.pipeline.graph.AttributeValue.FloatValue;
import dev.darkfactory.pipeline.graph.AttributeValue.IntegerValue;
import dev.darkfactory.pipeline.graph.AttributeValue.StringValue;
import java.util.Optional;

/** The value types of attractor-spec.md 2.4, with conversion from any parsed value. */
public enum AttributeType {
  STRING("a string"),
  INTEGER("an integer"),
  FLOAT("a number"),
  BOOLEAN("true or false"),
  DURATION("a duration such as 250ms, 900s, 15m, 2h or 1d");

  private final String description;

  AttributeType(String description) {
    this.description = description;
  }

  /** What a value of this type looks like, for error messages ("must be an integer"). */
  public String description() {
    return description;
  }

  /** True when {@code value} already has this type, as the parser leaves documented attributes it could convert. */
  public boolean accepts(AttributeValue value) {
    return switch (this) {
      case STRING -> true;
      case INTEGER -> value instanceof IntegerValue;
      case FLOAT -> value instanceof FloatValue || value instanceof IntegerValue;
      case BOOLEAN -> value instanceof BooleanValue;
      case DURATION -> value instanceof DurationValue;
    };
  }

  /**
   * Converts a parsed value to this type, or returns empty when it does not fit ({@code
   * max_retries="three"}). Quoted text is converted too: {@code timeout="900s"} is a duration.
   */
  public Optional<AttributeValue> convert(AttributeValue value) {
    return switch (this) {
      case STRING -> Optional.of(value instanceof StringValue ? value : new StringValue(value.text()));
      case INTEGER -> switch (value) {
        case IntegerValue i -> Optional.of(i);
        default -> ValueSyntax.parseInteger(value.text().strip()).map(v -> (AttributeValue) v);
      };
      case FLOAT -> switch (value) {
        case FloatValue f -> Optional.of(f);
        case IntegerValue i -> Optional.of(new FloatValue(i.value(), i.source()));
        default -> ValueSyntax.parseFloat(value.text().strip()).map(v -> (AttributeValue) v);
      };
      case BOOLEAN -> switch (value) {
        case BooleanValue b -> Optional.of(b);
        default -> ValueSyntax.parseBoolean(value.text().strip()).map(v -> (AttributeValue) v);
      };
      case DURATION -> switch (value) {
        case DurationValue d -> Optional.of(d);
        default -> ValueSyntax.parseDuration(value.text().strip()).map(v -> (AttributeValue) v);
      };
    };
  }
}
