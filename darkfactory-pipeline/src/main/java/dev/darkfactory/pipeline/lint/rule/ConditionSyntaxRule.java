package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code condition_syntax} (ERROR, attractor-spec.md 7.2): every edge condition, and every {@code
 * manager.stop_condition}, parses under the grammar of 10.2. The diagnostic points at the offending
 * token inside the expression.
 */
public final class ConditionSyntaxRule implements LintRule {
  public static final String NAME = "condition_syntax";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (WrittenCondition written : WrittenCondition.all(graph)) {
      try {
        context.conditions().parse(written.text());
      } catch (ConditionSyntaxException invalid) {
        diagnostics.add(written.about(Diagnostic.error(NAME, "invalid " + written.attribute().key() + " on " + written.place()
                    + " \"" + written.text() + "\": " + invalid.problem()))
            .fix("write clauses of the form key=value or key!=value joined by && (attractor-spec.md 10.2),"
                + " as in outcome=success && context.tests_passed=true")
            .at(written.at(invalid.offset()))
            .build());
      }
    }
    return diagnostics;
  }
}
