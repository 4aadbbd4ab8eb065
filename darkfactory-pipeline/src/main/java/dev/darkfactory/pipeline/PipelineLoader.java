package dev.darkfactory.pipeline;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.dot.DotSource;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.lint.Linter;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineSourceException;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.transform.Transform;
import dev.darkfactory.pipeline.transform.Transforms;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The first three phases of a run (attractor-spec.md 3.1): parse, transform, validate. One loader
 * serves the CLI, the HTTP server and library users, so all of them see the same graph and the
 * same diagnostics.
 *
 * <p>Immutable: {@code with...} methods return a new loader.
 */
public final class PipelineLoader {
  private final Transforms transforms;
  private final Linter linter;

  private PipelineLoader(Transforms transforms, Linter linter) {
    this.transforms = Objects.requireNonNull(transforms, "transforms");
    this.linter = Objects.requireNonNull(linter, "linter");
  }

  /** Built-in transforms and lint rules, built-in handler types. */
  public static PipelineLoader create() {
    return new PipelineLoader(Transforms.builtIn(), Linter.builtIn());
  }

  /** Adds a custom transform, run after the built-ins and earlier custom ones (9.3). */
  public PipelineLoader withTransform(Transform transform) {
    return new PipelineLoader(transforms.with(transform), linter);
  }

  /** Adds a custom lint rule, run after the built-in rules (7.4). */
  public PipelineLoader withLintRule(LintRule rule) {
    return new PipelineLoader(transforms, linter.withRule(rule));
  }

  /** Validates against these registered handler types (custom handlers are not "unknown"). */
  public PipelineLoader withHandlerTypes(Set<String> handlerTypes) {
    return new PipelineLoader(transforms, linter.withContext(new LintContext(handlerTypes)));
  }

  public Transforms transforms() {
    return transforms;
  }

  public Linter linter() {
    return linter;
  }

  /**
   * Reads, parses, transforms and validates a pipeline file. Validation findings are returned,
   * not thrown; call {@link LoadedPipeline#requireValid()} to refuse a pipeline with errors.
   *
   * @throws PipelineSourceException when the file cannot be read
   * @throws DotSyntaxException when it is not in the DOT subset
   */
  public LoadedPipeline load(Path file) {
    return load(DotSource.read(file));
  }

  /** As {@link #load(Path)}, for a source already in memory (the HTTP API, tests). */
  public LoadedPipeline load(SourceText source) {
    Graph parsed = DotParser.parse(source);
    Graph transformed = transforms.apply(parsed);
    return new LoadedPipeline(source, parsed, transformed, linter.validate(transformed));
  }
}
