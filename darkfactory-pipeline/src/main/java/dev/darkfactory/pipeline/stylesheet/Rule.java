package dev.darkfactory.pipeline.stylesheet;

import java.util.List;
import java.util.Objects;

/**
 * {@code Selector { declarations }} (attractor-spec.md 8.2).
 *
 * @param offset 0-based offset of the selector in the stylesheet
 */
public record Rule(Selector selector, List<Declaration> declarations, int offset) {
  public Rule {
    Objects.requireNonNull(selector, "selector");
    declarations = List.copyOf(declarations);
  }
}
