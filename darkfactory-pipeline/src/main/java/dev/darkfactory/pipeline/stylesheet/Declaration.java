package dev.darkfactory.pipeline.stylesheet;

import java.util.Objects;

/**
 * {@code property: value} inside a rule (attractor-spec.md 8.2).
 *
 * @param offset 0-based offset of the property name in the stylesheet
 * @param valueOffset 0-based offset of the value (its opening quote, if quoted)
 */
public record Declaration(StyleProperty property, String value, int offset, int valueOffset) {
  public Declaration {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(value, "value");
  }
}
