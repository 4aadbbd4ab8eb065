package dev.darkfactory.bench;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.lint.Linter;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.transform.Transform;
import dev.darkfactory.pipeline.transform.Transforms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where front-end time goes: each built-in transform, validation, and each lint rule, after warm-up. Usage: LintRuleTimes FILE */
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
    for (Transform transform : Transforms.builtIn().all()) {
      for (int warm = 0; warm < 30; warm++) {
        transform.apply(graph);
      }
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        transform.apply(graph);
      }
      System.out.printf("%-24s %8.2f ms%n", transform, (System.nanoTime() - start) / 1e6 / rounds);
    }
    Graph transformed = Transforms.builtIn().apply(graph);
    for (int warm = 0; warm < 30; warm++) {
      linter.validate(transformed);
    }
    long all = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      linter.validate(transformed);
    }
    System.out.printf("%-24s %8.2f ms%n", "validate (transformed)", (System.nanoTime() - all) / 1e6 / rounds);
    all = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      linter.validate(graph);
    }
    System.out.printf("%-24s %8.2f ms%n", "validate (parsed)", (System.nanoTime() - all) / 1e6 / rounds);
    for (LintRule rule : linter.rules()) {
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        rule.apply(graph, context);
      }
      System.out.printf("%-24s %8.2f ms%n", rule.name(), (System.nanoTime() - start) / 1e6 / rounds);
    }
  }
}
