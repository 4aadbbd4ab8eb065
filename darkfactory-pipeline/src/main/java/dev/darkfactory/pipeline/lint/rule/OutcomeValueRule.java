package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.condition.Clause;
import dev.darkfactory.pipeline.condition.Condition;
import dev.darkfactory.pipeline.condition.ConditionKey;
import dev.darkfactory.pipeline.condition.Operator;
import dev.darkfactory.pipeline.condition.OutcomeValues;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code outcome_value} (WARNING, extension): a condition compares {@code outcome} with a value
 * that is not a stage status (attractor-spec.md 5.2, 10.3). Comparison is exact, so {@code
 * outcome=succeeded} or {@code outcome=SUCCESS} is never true and {@code outcome!=failed} always is
 * (peer lessons, spec trap 2). Conditions that do not parse are left to {@code condition_syntax}.
 */
public final class OutcomeValueRule implements LintRule {
  public static final String NAME = "outcome_value";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (WrittenCondition written : WrittenCondition.all(graph)) {
      Condition condition;
      try {
        condition = context.conditions().parse(written.text());
      } catch (ConditionSyntaxException invalid) {
        continue;
      }
      for (Clause clause : condition.clauses()) {
        if (clause instanceof Clause.Comparison comparison
            && comparison.key() instanceof ConditionKey.OutcomeStatus
            && !OutcomeValues.isValid(comparison.literal().value())) {
          diagnostics.add(check(written, comparison));
        }
      }
    }
    return diagnostics;
  }

  private static Diagnostic check(WrittenCondition written, Clause.Comparison comparison) {
    String value = comparison.literal().value();
    Optional<String> suggestion = OutcomeValues.suggest(value);
    String effect = comparison.operator() == Operator.EQUALS ? "never true" : "always true";
    return written.about(Diagnostic.warning(NAME, written.owner() + " compares outcome with '" + value
                + "', which is not an outcome status (" + String.join(", ", OutcomeValues.ALL) + ")"
                + Names.didYouMean(suggestion) + ", so " + comparison.describe() + " is " + effect))
        .fix(suggestion.map(s -> "write outcome" + comparison.operator().symbol() + s)
            .orElse("compare outcome with one of " + String.join(", ", OutcomeValues.ALL)))
        .at(written.at(comparison.literalOffset()))
        .build();
  }
}
