package dev.darkfactory.pipeline.stylesheet;

import dev.darkfactory.pipeline.graph.Node;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed {@code model_stylesheet} (attractor-spec.md 8): rules in the order written.
 *
 * @param source the stylesheet text
 */
public record Stylesheet(String source, List<Rule> rules) {

  /** The stylesheet of a graph without {@code model_stylesheet}. */
  public static final Stylesheet EMPTY = new Stylesheet("", List.of());

  public Stylesheet {
    Objects.requireNonNull(source, "source");
    rules = List.copyOf(rules);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The declaration that supplies each property for {@code node} (8.3): among the rules whose
   * selector matches, the one with the highest specificity; at equal specificity the later
   * declaration wins. Properties no matching rule sets are absent. Explicit node attributes are not
   * considered here; {@code StylesheetTransform} keeps them (8.5).
   */
  public Map<StyleProperty, Declaration> resolve(Node node) {
    Map<StyleProperty, Declaration> winners = new EnumMap<>(StyleProperty.class);
    Map<StyleProperty, Integer> winningSpecificity = new EnumMap<>(StyleProperty.class);
    for (Rule rule : rules) {
      if (!rule.selector().matches(node)) {
        continue;
      }
      int specificity = rule.selector().specificity();
      for (Declaration declaration : rule.declarations()) {
        Integer best = winningSpecificity.get(declaration.property());
        if (best == null || specificity >= best) {
          winners.put(declaration.property(), declaration);
          winningSpecificity.put(declaration.property(), specificity);
        }
      }
    }
    return winners;
  }
}
