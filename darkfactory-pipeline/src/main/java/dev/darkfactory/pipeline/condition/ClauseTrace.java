package dev.darkfactory.pipeline.condition;

import dev.darkfactory.pipeline.condition.Clause.Comparison;
import dev.darkfactory.pipeline.condition.Clause.Truthiness;
import java.util.Objects;
import java.util.Optional;

/**
 * How one clause was decided: the value its key resolved to, the literal it was compared with, and
 * the result. The engine's decision audit records these.
 *
 * @param resolved the key's value (10.4), an empty string when missing
 */
public record ClauseTrace(Clause clause, String resolved, boolean result) {
  public ClauseTrace {
    Objects.requireNonNull(clause, "clause");
    Objects.requireNonNull(resolved, "resolved");
  }

  /** The literal's text, or empty for a truthiness test. */
  public Optional<String> literal() {
    return switch (clause) {
      case Comparison comparison -> Optional.of(comparison.literal().value());
      case Truthiness truthiness -> Optional.empty();
    };
  }

  /** For example {@code outcome ("fail") = success -> false}. */
  public String describe() {
    String left = clause.key().text() + " (" + quote(resolved) + ")";
    String test = switch (clause) {
      case Comparison comparison -> left + " " + comparison.operator().symbol() + " " + comparison.literal().describe();
      case Truthiness truthiness -> left + " is truthy";
    };
    return test + " -> " + result;
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
