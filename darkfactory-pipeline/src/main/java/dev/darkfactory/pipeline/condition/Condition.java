package dev.darkfactory.pipeline.condition;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed edge condition (attractor-spec.md 10.2): clauses joined by {@code &&}, all of which must
 * hold. A condition without clauses (the empty string) always holds (10.5, 11.9).
 *
 * @param source the expression as written
 * @param clauses the clauses, left to right
 */
public record Condition(String source, List<Clause> clauses) {

  /** The condition of an unconditional edge. */
  public static final Condition ALWAYS = new Condition("", List.of());

  public Condition {
    Objects.requireNonNull(source, "source");
    clauses = List.copyOf(clauses);
  }

  /** True when there are no clauses, so the condition always holds. */
  public boolean isAlways() {
    return clauses.isEmpty();
  }

  /** The canonical text: clauses joined by {@code " && "}. */
  public String describe() {
    return clauses.stream().map(Clause::describe).collect(Collectors.joining(" && "));
  }
}
