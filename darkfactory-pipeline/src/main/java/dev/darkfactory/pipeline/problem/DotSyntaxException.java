package dev.darkfactory.pipeline.problem;

import dev.darkfactory.pipeline.source.SourcePosition;
import java.util.Objects;

/**
 * A DOT source that is not in the supported subset (attractor-spec.md 2.2-2.3). The message has
 * the form {@code file:line:column: problem}, followed by the line and a caret under the column.
 */
public final class DotSyntaxException extends PipelineException {
  private final SourcePosition position;
  private final String problem;
  private final String excerpt;

  public DotSyntaxException(SourcePosition position, String problem, String excerpt) {
    super(format(position, problem, excerpt));
    this.position = Objects.requireNonNull(position, "position");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.excerpt = Objects.requireNonNull(excerpt, "excerpt");
  }

  private static String format(SourcePosition position, String problem, String excerpt) {
    return position + ": " + problem + (excerpt.isEmpty() ? "" : "\n" + excerpt);
  }

  public SourcePosition position() {
    return position;
  }

  /** The problem without the location or excerpt. */
  public String problem() {
    return problem;
  }

  /** The offending line with a caret, or an empty string. */
  public String excerpt() {
    return excerpt;
  }
}
