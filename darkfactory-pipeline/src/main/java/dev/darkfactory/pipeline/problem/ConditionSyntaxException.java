package dev.darkfactory.pipeline.problem;

import java.util.Objects;

/**
 * An edge condition that does not follow the grammar of attractor-spec.md 10.2. It carries the
 * 0-based offset of the offending token inside the expression, so the {@code condition_syntax}
 * lint rule can point at it in the DOT file.
 */
public final class ConditionSyntaxException extends PipelineException {
  private final String expression;
  private final int offset;
  private final String problem;

  public ConditionSyntaxException(String expression, int offset, String problem) {
    super(format(expression, offset, problem));
    this.expression = Objects.requireNonNull(expression, "expression");
    this.offset = offset;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String format(String expression, int offset, String problem) {
    return "invalid condition \"" + expression + "\" at offset " + offset + ": " + problem;
  }

  /** The whole expression as written. */
  public String expression() {
    return expression;
  }

  /** 0-based offset of the offending token in {@link #expression()}. */
  public int offset() {
    return offset;
  }

  /** What was wrong and what was expected, without the expression or offset. */
  public String problem() {
    return problem;
  }
}
