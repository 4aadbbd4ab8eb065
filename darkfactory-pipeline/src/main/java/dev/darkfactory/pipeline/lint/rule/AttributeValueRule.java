package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.KnownAttributes;
import dev.darkfactory.pipeline.graph.Spelling;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code attribute_value} (WARNING, extension): attributes with a closed set of values hold one of
 * them: {@code reasoning_effort} (low, medium, high; 2.6), {@code join_policy} (wait_all,
 * first_success; 4.8), each of {@code manager.actions} (observe, steer, wait; 4.11) and the retry
 * policy presets of 3.6. A {@code shape} one typo away from a shape of the handler table (2.8), such
 * as {@code hexgon}, is reported too: it would silently run the node as an LLM stage.
 */
public final class AttributeValueRule implements LintRule {
  public static final String NAME = "attribute_value";

  private static final List<String> RETRY_POLICIES = List.of("none", "standard", "aggressive", "linear", "patient");
  private static final Map<String, List<String>> ALLOWED = Map.of(
      "reasoning_effort", List.of("low", "medium", "high"),
      "join_policy", List.of("wait_all", "first_success"),
      "manager.actions", List.of("observe", "steer", "wait"),
      "retry_policy", RETRY_POLICIES,
      "default_retry_policy", RETRY_POLICIES);
  /** Declaration order of sites does not matter: diagnostics are sorted by position afterwards. */
  private static final List<String> CHECKED_KEYS = java.util.stream.Stream.concat(
      ALLOWED.keySet().stream().sorted(), java.util.stream.Stream.of("shape")).toList();

  /** Graphviz shapes that are drawings, not typos, although some are close to a shape of 2.8. */
  private static final Set<String> GRAPHVIZ_SHAPES = Set.of(
      "square", "box3d", "rect", "rectangle", "circle", "doublecircle", "ellipse", "oval", "point", "egg", "triangle",
      "plaintext", "plain", "polygon", "octagon", "doubleoctagon", "invtriangle", "invtrapezium", "trapezium",
      "invhouse", "Mcircle", "star", "none", "underline", "cylinder", "note", "tab", "folder", "pentagon", "septagon",
      "parallelogram", "cds", "promoter", "rarrow", "larrow", "rpromoter", "lpromoter", "signature", "assembly");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (AttributeSites.Site site : AttributeSites.all(graph, CHECKED_KEYS)) {
      if (KnownAttributes.lookup(site.scope(), site.key()).isEmpty()) {
        continue; // Misplaced keys (join_policy on the graph) are unknown_attribute's to report.
      }
      if (site.key().equals("shape")) {
        checkShape(site).ifPresent(diagnostics::add);
      } else if (site.key().equals("manager.actions")) {
        for (String action : site.value().split(",", -1)) {
          checkValue(site, action.strip()).ifPresent(diagnostics::add);
        }
      } else {
        checkValue(site, site.value()).ifPresent(diagnostics::add);
      }
    }
    return diagnostics;
  }

  private static Optional<Diagnostic> checkValue(AttributeSites.Site site, String value) {
    List<String> allowed = ALLOWED.get(site.key());
    if (allowed.contains(value) || (value.isEmpty() && !site.key().equals("manager.actions"))) {
      return Optional.empty();
    }
    Optional<String> suggestion = Spelling.closest(value, allowed);
    return Optional.of(site.about(Diagnostic.warning(NAME, site.ownerSets() + " " + site.key() + "='" + site.value()
                + "', " + (value.equals(site.value()) ? "which" : "where '" + value + "'") + " is not one of "
                + String.join(", ", allowed) + Names.didYouMean(suggestion)))
        .fix(suggestion.map(s -> "write " + s + " instead of " + (value.isEmpty() ? "an empty value" : value))
            .orElse("use one of " + String.join(", ", allowed)))
        .build());
  }

  private static Optional<Diagnostic> checkShape(AttributeSites.Site site) {
    String shape = site.value();
    if (HandlerTypes.shapes().containsKey(shape) || GRAPHVIZ_SHAPES.contains(shape)) {
      return Optional.empty();
    }
    Optional<String> suggestion = Spelling.closest(shape, HandlerTypes.shapes().keySet());
    return suggestion.map(s -> site.about(Diagnostic.warning(NAME, site.owner() + " sets shape='" + shape
                + "', which is not in the shape table (attractor-spec.md 2.8), so it runs as an LLM stage (codergen)"
                + Names.didYouMean(suggestion) + "; '" + s + "' runs as " + HandlerTypes.shapes().get(s)))
        .fix("write shape=" + s)
        .build());
  }
}
