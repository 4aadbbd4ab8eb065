package dev.darkfactory.bench;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.lint.Linter;
import dev.darkfactory.pipeline.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where validation time goes: average time per lint rule on one file, after warm-up. Usage: LintRuleTimes FILE */
public final class LintRuleTimes {
  private LintRuleTimes() {}

  public static void main(String[] args) throws IOException {
    Graph graph = DotParser.parse(new SourceText(args[0], Files.readString(Path.of(args[0]))));
    Linter linter = Linter.builtIn();
    LintContext context = linter.context();
    for (int warm = 0; warm < 30; warm++) {
      linter.validate(graph);
    }
    int rounds = 20;
    for (LintRule rule : linter.rules()) {
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        rule.apply(graph, context);
      }
      System.out.printf("%-24s %8.2f ms%n", rule.name(), (System.nanoTime() - start) / 1e6 / rounds);
    }
  }
}
