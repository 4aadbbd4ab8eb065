package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.AttributeScope;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.KnownAttributes;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code unknown_attribute} (WARNING, extension): a graph, node or edge attribute that is neither
 * documented ({@link KnownAttributes}) nor a Graphviz presentation attribute. The engine ignores
 * such keys, so a misspelt {@code model} for {@code llm_model} would silently change nothing (peer
 * lessons: "a misconfigured node silently did the wrong thing").
 */
public final class UnknownAttributeRule implements LintRule {
  public static final String NAME = "unknown_attribute";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (AttributeSites.Site site : AttributeSites.all(graph,
        (scope, attribute) -> !KnownAttributes.isKnown(scope, attribute.key()))) {
      Optional<String> suggestion = KnownAttributes.suggest(site.scope(), site.key());
      String otherScope = otherScope(site.scope(), site.key());
      diagnostics.add(site.about(Diagnostic.warning(NAME, "unknown " + site.scope().label() + " attribute '" + site.key()
                  + "' on " + site.owner() + Names.didYouMean(suggestion) + otherScope + ": the engine ignores it"))
          .fix(suggestion.map(s -> "rename " + site.key() + " to " + s)
              .orElse("remove " + site.key() + ", or check the attribute reference (attractor-spec.md Appendix A)"))
          .build());
    }
    return diagnostics;
  }

  /** {@code "; condition is an edge attribute"} when the key belongs elsewhere. */
  private static String otherScope(AttributeScope scope, String key) {
    for (AttributeScope other : AttributeScope.values()) {
      if (other != scope && KnownAttributes.lookup(other, key).isPresent()) {
        return "; " + key + " is " + (other == AttributeScope.EDGE ? "an " : "a ") + other.label() + " attribute";
      }
    }
    return "";
  }
}
