package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.graph.ValueSyntax;
import dev.darkfactory.pipeline.source.SourcePosition;
import dev.darkfactory.pipeline.source.StringPositions;

/** Where a diagnostic points: at an attribute's value, or at a token inside it. */
final class Where {
  private Where() {}

  /** The position of {@code key}'s value, else {@code fallback} (the node, edge or graph). */
  static SourcePosition attribute(Attributes attributes, String key, SourcePosition fallback) {
    return attributes.attribute(key).map(a -> known(a.position(), fallback)).orElse(fallback);
  }

  /**
   * The position of character {@code offset} inside a string attribute, such as the token a
   * condition or stylesheet error names. The attribute does not record whether it was quoted; a
   * value that is not a valid bare value must have been, and the conditions and stylesheets this is
   * used for practically always are.
   */
  static SourcePosition inside(Attribute attribute, int offset, SourcePosition fallback) {
    if (!attribute.position().isKnown()) {
      return fallback;
    }
    String text = attribute.value().text();
    return StringPositions.locate(attribute.position(), !ValueSyntax.isBareValue(text), text, offset);
  }

  private static SourcePosition known(SourcePosition position, SourcePosition fallback) {
    return position.isKnown() ? position : fallback;
  }
}
