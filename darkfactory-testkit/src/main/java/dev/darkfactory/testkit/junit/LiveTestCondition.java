package dev.darkfactory.testkit.junit;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Decides whether a {@link LiveTest} runs: only when live tests were asked for ({@value #VARIABLE} is {@code 1} or
 * {@code true}, or the system property {@value #PROPERTY} is {@code true}, which {@code -Plive} sets) and the
 * test's key is set. Never because a key alone is present.
 */
public final class LiveTestCondition implements ExecutionCondition {
  /** The environment variable that asks for live tests. */
  public static final String VARIABLE = "DARKFACTORY_LIVE_TESTS";
  /** The system property that asks for live tests (set by the Maven profile {@code live}). */
  public static final String PROPERTY = "darkfactory.live.tests";

  private final UnaryOperator<String> environment;
  private final UnaryOperator<String> properties;

  /** Reads this process's environment and system properties. */
  public LiveTestCondition() {
    this(System::getenv, System::getProperty);
  }

  /** For tests of the condition itself: lookups that return {@code null} for a missing name. */
  LiveTestCondition(UnaryOperator<String> environment, UnaryOperator<String> properties) {
    this.environment = environment;
    this.properties = properties;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getElement()
        .flatMap(element -> AnnotationSupport.findAnnotation(element, LiveTest.class))
        .map(live -> decide(live.key()))
        .orElseGet(() -> ConditionEvaluationResult.enabled("not a live test"));
  }

  /** Whether a live test needing {@code key} runs, and why (the reason is what the test report shows). */
  ConditionEvaluationResult decide(String key) {
    if (!requested()) {
      return ConditionEvaluationResult.disabled("live provider test (real network, paid calls) not requested: run with "
          + "-Plive or " + VARIABLE + "=1, and " + key + " set, to enable it");
    }
    if (lookup(environment, key).isEmpty()) {
      return ConditionEvaluationResult.disabled("live tests requested, but " + key + " is not set: set it to run this test");
    }
    return ConditionEvaluationResult.enabled("live tests requested and " + key + " is set");
  }

  private boolean requested() {
    return lookup(environment, VARIABLE).map(LiveTestCondition::isTrue).orElse(false)
        || lookup(properties, PROPERTY).map(LiveTestCondition::isTrue).orElse(false);
  }

  private static boolean isTrue(String value) {
    String normalized = value.strip().toLowerCase(Locale.ROOT);
    return normalized.equals("1") || normalized.equals("true");
  }

  private static Optional<String> lookup(UnaryOperator<String> source, String name) {
    return Optional.ofNullable(source.apply(name)).filter(value -> !value.isBlank());
  }
}
