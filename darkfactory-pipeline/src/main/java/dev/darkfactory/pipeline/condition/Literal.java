package dev.darkfactory.pipeline.condition;

import java.util.Objects;

/**
 * The right side of a comparison (attractor-spec.md 10.2). Every literal compares as its text
 * (10.3: comparison is by exact string), so {@code 3} and {@code "3"} are equal and {@code 03} is
 * not.
 */
public sealed interface Literal {

  /** The text the resolved key is compared with. */
  String value();

  /** The literal as it would be written in a condition. */
  String describe();

  /** A double-quoted string, with its escapes decoded. */
  record Text(String value) implements Literal {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
    }
  }

  /** An integer, kept exactly as written ({@code -1}, {@code 42}). */
  record Number(String value) implements Literal {
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return value;
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean flag) implements Literal {
    @Override
    public String value() {
      return Boolean.toString(flag);
    }

    @Override
    public String describe() {
      return value();
    }
  }

  /** A bare word such as {@code success} or {@code gpt-5.2}: {@code [A-Za-z_][A-Za-z0-9_.:-]*}. */
  record Bare(String value) implements Literal {
    public Bare {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return value;
    }
  }
}
