package dev.darkfactory.pipeline.condition;

import java.util.Objects;

/** One clause of a condition (attractor-spec.md 10.2 and 10.5). */
public sealed interface Clause {

  /** The key the clause reads. */
  ConditionKey key();

  /** 0-based offset of the clause's first character in the expression. */
  int offset();

  /** The clause in canonical form, such as {@code outcome=success}. */
  String describe();

  /**
   * {@code Key Operator Literal}: compares the resolved key with the literal as exact,
   * case-sensitive strings (10.3).
   *
   * @param literalOffset 0-based offset of the literal in the expression
   */
  record Comparison(ConditionKey key, Operator operator, Literal literal, int offset, int literalOffset)
      implements Clause {
    public Comparison {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(literal, "literal");
    }

    @Override
    public String describe() {
      return key.text() + operator.symbol() + literal.describe();
    }
  }

  /** A bare key: holds when the resolved value is truthy (10.5). */
  record Truthiness(ConditionKey key, int offset) implements Clause {
    public Truthiness {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String describe() {
      return key.text();
    }
  }
}
