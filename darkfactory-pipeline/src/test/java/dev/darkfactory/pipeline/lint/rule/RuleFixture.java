package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.List;

/** Runs one rule on DOT text, for the rule tests. */
final class RuleFixture {
  /** A pipeline every built-in rule accepts. */
  static final String VALID = """
      digraph G {
        start [shape=Mdiamond]
        exit [shape=Msquare]
        work [prompt="Do the work"]
        start -> work -> exit
      }
      """;

  private RuleFixture() {}

  static Graph parse(String dot) {
    return DotParser.parse("test.dot", dot);
  }

  static List<Diagnostic> run(LintRule rule, String dot) {
    return run(rule, parse(dot));
  }

  static List<Diagnostic> run(LintRule rule, Graph graph) {
    return rule.apply(graph, LintContext.defaults());
  }

  static SourcePosition at(int line, int column) {
    return SourcePosition.of("test.dot", line, column);
  }
}
