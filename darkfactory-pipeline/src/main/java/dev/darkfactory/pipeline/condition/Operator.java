package dev.darkfactory.pipeline.condition;

/** The comparison operators of attractor-spec.md 10.2; 10.7 lists others as future extensions. */
public enum Operator {
  EQUALS("="),
  NOT_EQUALS("!=");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  boolean test(String left, String right) {
    return switch (this) {
      case EQUALS -> left.equals(right);
      case NOT_EQUALS -> !left.equals(right);
    };
  }
}
