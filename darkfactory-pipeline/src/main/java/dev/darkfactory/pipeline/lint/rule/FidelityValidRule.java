package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Spelling;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code fidelity_valid} (WARNING, attractor-spec.md 7.2): node and edge {@code fidelity} and graph
 * {@code default_fidelity} are fidelity modes of 5.4. An empty value means unset and passes.
 */
public final class FidelityValidRule implements LintRule {
  public static final String NAME = "fidelity_valid";

  /** The context fidelity modes of 5.4. */
  public static final List<String> MODES =
      List.of("full", "truncate", "compact", "summary:low", "summary:medium", "summary:high");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<AttributeSites.Site> sites = new ArrayList<>(AttributeSites.graph(graph, List.of("default_fidelity")));
    sites.addAll(AttributeSites.nodes(graph, List.of("fidelity")));
    sites.addAll(AttributeSites.edges(graph, List.of("fidelity")));
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (AttributeSites.Site site : sites) {
      String mode = site.value();
      if (mode.isEmpty() || MODES.contains(mode)) {
        continue;
      }
      Optional<String> suggestion = Spelling.closest(mode, MODES);
      diagnostics.add(site.about(Diagnostic.warning(NAME, site.ownerSets() + " " + site.key() + "='" + mode
                  + "', which is not a fidelity mode" + Names.didYouMean(suggestion)))
          .fix(suggestion.map(s -> "write " + site.key() + "=\"" + s + "\"")
              .orElse("use one of " + String.join(", ", MODES) + " (attractor-spec.md 5.4)"))
          .build());
    }
    return diagnostics;
  }
}
