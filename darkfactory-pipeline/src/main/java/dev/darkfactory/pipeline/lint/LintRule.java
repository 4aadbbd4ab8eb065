package dev.darkfactory.pipeline.lint;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.List;

/**
 * One validation check (attractor-spec.md 7.4). Built-in rules live in {@code
 * dev.darkfactory.pipeline.lint.rule}; custom rules implement this interface and are appended to
 * them by {@link Linter#withRule}.
 *
 * <p>Rules are stateless and must not modify anything; they report every finding as a {@link
 * Diagnostic} whose {@code rule} is {@link #name()}, and run in time linear in the size of the graph.
 */
public interface LintRule {

  /** The rule identifier used in diagnostics, such as {@code start_node}. */
  String name();

  List<Diagnostic> apply(Graph graph, LintContext context);
}
