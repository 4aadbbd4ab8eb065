package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pass_env} (ERROR, extension): every word of a graph's or node's {@code pass_env} is an
 * environment variable name, as {@link EnvironmentPolicy} accepts it. The run would otherwise stop
 * at the first command with a name the policy cannot pass.
 */
public final class PassEnvRule implements LintRule {
  public static final String NAME = "pass_env";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (AttributeSites.Site site : AttributeSites.all(graph, List.of("pass_env"))) {
      for (String word : site.value().split("[,\\s]+")) {
        if (word.isEmpty()) {
          continue;
        }
        EnvironmentPolicy.nameProblem(word).ifPresent(problem -> diagnostics.add(
            site.about(Diagnostic.error(NAME, site.ownerSets() + " pass_env='" + site.value() + "': " + problem))
                .fix("list variable names separated by commas, as in pass_env=\"NPM_TOKEN, DATABASE_URL\"")
                .build()));
      }
    }
    return diagnostics;
  }
}
