package dev.darkfactory.pipeline.lint;

import dev.darkfactory.pipeline.condition.Condition;
import dev.darkfactory.pipeline.condition.ConditionParser;
import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed conditions for one validation pass. Large pipelines repeat the same few conditions on
 * thousands of edges, and several rules read each one; parsing each distinct text once keeps
 * validation linear in the number of distinct conditions rather than edges times rules.
 */
public final class ConditionMemo {
  private final Map<String, Object> parsed = new ConcurrentHashMap<>();

  /**
   * The parsed condition.
   *
   * @throws ConditionSyntaxException when {@code text} is not a valid condition (every call, not only the first)
   */
  public Condition parse(String text) {
    Object result = parsed.computeIfAbsent(text, ConditionMemo::parseOrError);
    if (result instanceof ConditionSyntaxException error) {
      throw error;
    }
    return (Condition) result;
  }

  private static Object parseOrError(String text) {
    try {
      return ConditionParser.parse(text);
    } catch (ConditionSyntaxException error) {
      return error;
    }
  }
}
