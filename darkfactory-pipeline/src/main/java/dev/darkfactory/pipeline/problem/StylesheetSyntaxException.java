package dev.darkfactory.pipeline.problem;

import java.util.Objects;

/**
 * A {@code model_stylesheet} that does not follow the grammar of attractor-spec.md 8.2, or that
 * sets a property or value section 8.4 does not recognise. It carries the 0-based offset of the
 * offending token inside the stylesheet text, so the {@code stylesheet_syntax} lint rule can point
 * at it in the DOT file.
 */
public final class StylesheetSyntaxException extends PipelineException {
  private final String stylesheet;
  private final int offset;
  private final String problem;

  public StylesheetSyntaxException(String stylesheet, int offset, String problem) {
    super("invalid model_stylesheet at offset " + offset + ": " + problem);
    this.stylesheet = Objects.requireNonNull(stylesheet, "stylesheet");
    this.offset = offset;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The whole stylesheet text. */
  public String stylesheet() {
    return stylesheet;
  }

  /** 0-based offset of the offending token in {@link #stylesheet()}. */
  public int offset() {
    return offset;
  }

  /** What was wrong and what was expected, without the offset. */
  public String problem() {
    return problem;
  }
}
