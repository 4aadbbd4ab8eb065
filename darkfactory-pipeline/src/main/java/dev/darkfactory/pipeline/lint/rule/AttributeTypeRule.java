package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeScope;
import dev.darkfactory.pipeline.graph.AttributeSpec;
import dev.darkfactory.pipeline.graph.AttributeType;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.KnownAttributes;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.InvalidValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code attribute_type} (ERROR, extension): a documented attribute whose value does not have its
 * type (attractor-spec.md 2.4, Appendix A), such as {@code max_retries="three"}, {@code
 * goal_gate=yes} or {@code timeout=900} (no unit), or a count or duration that is negative, or a
 * budget ({@code max_tokens}, {@code max_cost_usd}) that is not positive, refused with the message
 * {@code RunBudget} gives for the same budget on the command line or in the HTTP API.
 *
 * <p>Typed reads treat such a value as absent, so without this error {@code goal_gate=yes} would
 * silently mean {@code false}.
 */
public final class AttributeTypeRule implements LintRule {
  public static final String NAME = "attribute_type";

  /** The smallest value of attributes that count or measure something. */
  private static final Map<String, Long> MINIMUM = Map.ofEntries(
      Map.entry("max_retries", 0L),
      Map.entry("default_max_retries", 0L),
      Map.entry("default_max_retry", 0L),
      Map.entry("max_visits", 0L),
      Map.entry("max_goal_gate_retries", 0L),
      Map.entry("max_parallel", 1L),
      Map.entry("manager.max_cycles", 0L),
      Map.entry("timeout", 0L),
      Map.entry("manager.poll_interval", 0L));

  @Override
  public String name() {
    return NAME;
  }

  /** A documented attribute whose value does not fit its type or is below its minimum. */
  private static boolean isSuspect(AttributeScope scope, Attribute attribute) {
    Optional<AttributeSpec> spec = KnownAttributes.lookup(scope, attribute.key());
    if (spec.isEmpty()) {
      return false;
    }
    if (spec.get().type().accepts(attribute.value()) && !MINIMUM.containsKey(attribute.key()) && !isBudget(scope, attribute.key())) {
      return false; // the common case: the parser already converted it, and it has no minimum
    }
    Optional<AttributeValue> converted = spec.get().type().convert(attribute.value());
    return converted.isEmpty() || isBelowMinimum(attribute.key(), converted.get())
        || (isBudget(scope, attribute.key()) && budgetProblem(attribute.key(), converted.get()).isPresent());
  }

  private static boolean isBudget(AttributeScope scope, String key) {
    return scope == AttributeScope.GRAPH && (key.equals(RunBudget.MAX_TOKENS) || key.equals(RunBudget.MAX_COST_USD));
  }

  /** What {@code RunBudget} says of this budget, if it refuses it. */
  private static Optional<String> budgetProblem(String key, AttributeValue value) {
    try {
      switch (value) {
        case AttributeValue.IntegerValue i when key.equals(RunBudget.MAX_TOKENS) -> RunBudget.requireMaxTokens(i.value());
        case AttributeValue.IntegerValue i -> RunBudget.requireMaxCostUsd(BigDecimal.valueOf(i.value()));
        case AttributeValue.FloatValue f -> RunBudget.requireMaxCostUsd(BigDecimal.valueOf(f.value()));
        case AttributeValue.StringValue s -> { }
        case AttributeValue.BooleanValue b -> { }
        case AttributeValue.DurationValue d -> { }
      }
      return Optional.empty();
    } catch (InvalidValueException refused) {
      return Optional.of(refused.getMessage());
    }
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (AttributeSites.Site site : AttributeSites.all(graph, AttributeTypeRule::isSuspect)) {
      Optional<AttributeSpec> spec = KnownAttributes.lookup(site.scope(), site.key());
      if (spec.isEmpty()) {
        continue;
      }
      AttributeType type = spec.get().type();
      Optional<AttributeValue> converted = type.convert(site.attribute().value());
      Optional<String> budget = converted.flatMap(value -> isBudget(site.scope(), site.key()) ? budgetProblem(site.key(), value) : Optional.empty());
      if (budget.isPresent()) {
        diagnostics.add(site.about(Diagnostic.error(NAME, site.ownerSets() + " " + site.key() + "=" + site.value() + ": " + budget.get()))
            .fix("write " + site.key() + "=" + (site.key().equals(RunBudget.MAX_TOKENS) ? "50000" : "5") + " or another positive number, or remove it")
            .build());
      } else if (converted.isEmpty()) {
        diagnostics.add(site.about(Diagnostic.error(NAME, site.ownerSets() + " " + site.key() + "='" + site.value()
                    + "', which is not " + type.description()))
            .fix(example(site.key(), type, site.value()))
            .build());
      } else if (isBelowMinimum(site.key(), converted.get())) {
        long minimum = MINIMUM.get(site.key());
        diagnostics.add(site.about(Diagnostic.error(NAME, site.ownerSets() + " " + site.key() + "=" + site.value()
                    + ", which must be at least " + minimum))
            .fix("write " + site.key() + "=" + (type == AttributeType.DURATION ? "900s" : minimum)
                + (minimum == 0 ? " or a larger value" : " or more"))
            .build());
      }
    }
    return diagnostics;
  }

  private static boolean isBelowMinimum(String key, AttributeValue value) {
    Long minimum = MINIMUM.get(key);
    if (minimum == null) {
      return false;
    }
    return switch (value) {
      case AttributeValue.IntegerValue i -> i.value() < minimum;
      case AttributeValue.FloatValue f -> f.value() < minimum;
      case AttributeValue.DurationValue d -> d.value().isNegative();
      case AttributeValue.StringValue s -> false;
      case AttributeValue.BooleanValue b -> false;
    };
  }

  private static String example(String key, AttributeType type, String written) {
    return switch (type) {
      case INTEGER -> "write " + key + "=<integer>, as in " + key + "=3";
      case FLOAT -> "write " + key + "=<number>, as in " + key + "=0.5";
      case BOOLEAN -> "write " + key + "=true or " + key + "=false";
      case DURATION -> written.chars().allMatch(Character::isDigit) && !written.isEmpty()
          ? "add a unit: " + key + "=" + written + "s (units: ms, s, m, h, d)"
          : "write " + key + "=<duration>, as in " + key + "=900s (units: ms, s, m, h, d)";
      case STRING -> "write " + key + "=\"...\"";
    };
  }
}
