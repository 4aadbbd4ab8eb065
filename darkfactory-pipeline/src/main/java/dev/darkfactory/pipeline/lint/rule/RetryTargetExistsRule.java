package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code retry_target_exists} (WARNING, attractor-spec.md 7.2): {@code retry_target} and {@code
 * fallback_retry_target}, on nodes and on the graph, name existing nodes.
 */
public final class RetryTargetExistsRule implements LintRule {
  public static final String NAME = "retry_target_exists";
  private static final List<String> KEYS = List.of("retry_target", "fallback_retry_target");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<AttributeSites.Site> sites = new ArrayList<>(AttributeSites.graph(graph, KEYS));
    sites.addAll(AttributeSites.nodes(graph, KEYS));
    List<Diagnostic> diagnostics = new ArrayList<>();
    NodeIdSuggestions suggestions = new NodeIdSuggestions(graph);
    for (AttributeSites.Site site : sites) {
      String target = site.value();
      if (target.isEmpty() || graph.hasNode(target)) {
        continue;
      }
      Optional<String> suggestion = suggestions.closest(target);
      diagnostics.add(site.about(Diagnostic.warning(NAME, site.ownerSets() + " " + site.key() + "='" + target
                  + "', which is not a node" + Names.didYouMean(suggestion) + "; the jump would fail at run time"))
          .fix(suggestion.map(s -> "write " + site.key() + "=\"" + s + "\"")
              .orElse("name an existing node in " + site.key() + ", or remove it"))
          .build());
    }
    return diagnostics;
  }
}
