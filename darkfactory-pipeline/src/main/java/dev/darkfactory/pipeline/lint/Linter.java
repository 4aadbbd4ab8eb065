package dev.darkfactory.pipeline.lint;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.rule.BuiltInRules;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Validates a graph (attractor-spec.md 7.3): runs the built-in rules, then custom rules in the
 * order they were added (7.4), and returns every diagnostic sorted by source position, then rule.
 * Diagnostics without a position (graphs built in code) come first.
 * Immutable: the {@code with...} methods return new linters.
 */
public final class Linter {
  private static final Comparator<Diagnostic> ORDER = Comparator
      .comparingInt((Diagnostic d) -> d.position().line())
      .thenComparingInt(d -> d.position().column())
      .thenComparing(d -> d.position().file())
      .thenComparing(Diagnostic::rule);

  private final List<LintRule> rules;
  private final LintContext context;

  private Linter(List<LintRule> rules, LintContext context) {
    this.rules = List.copyOf(rules);
    this.context = Objects.requireNonNull(context, "context");
  }

  /** The built-in rules with the built-in handler types. */
  public static Linter builtIn() {
    return new Linter(BuiltInRules.all(), LintContext.defaults());
  }

  /** The built-in rules, resolving handlers against {@code context}'s registered types. */
  public static Linter create(LintContext context) {
    return new Linter(BuiltInRules.all(), context);
  }

  /** A linter that also runs {@code rule}, after the rules already present. */
  public Linter withRule(LintRule rule) {
    List<LintRule> more = new ArrayList<>(rules);
    more.add(Objects.requireNonNull(rule, "rule"));
    return new Linter(more, context);
  }

  /** A linter that also runs {@code extra}, in order, after the rules already present. */
  public Linter withRules(List<? extends LintRule> extra) {
    List<LintRule> more = new ArrayList<>(rules);
    more.addAll(extra);
    return new Linter(more, context);
  }

  public Linter withContext(LintContext replacement) {
    return new Linter(rules, replacement);
  }

  /** The rules in the order they run. */
  public List<LintRule> rules() {
    return rules;
  }

  public LintContext context() {
    return context;
  }

  /** Every diagnostic of every rule, sorted stably by line, column, then rule name. */
  public List<Diagnostic> validate(Graph graph) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    LintContext pass = context.fresh();
    for (LintRule rule : rules) {
      diagnostics.addAll(rule.apply(graph, pass));
    }
    diagnostics.sort(ORDER);
    return List.copyOf(diagnostics);
  }

  /**
   * {@link #validate}, throwing when any diagnostic is an error (7.1: the engine must refuse such a
   * pipeline).
   *
   * @return all diagnostics (warnings and infos) when there is no error
   * @throws ValidationException carrying every diagnostic, warnings included
   */
  public List<Diagnostic> validateOrRaise(Graph graph) throws ValidationException {
    List<Diagnostic> diagnostics = validate(graph);
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new ValidationException(diagnostics);
    }
    return diagnostics;
  }
}
