package dev.darkfactory.pipeline.condition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values {@code outcome} can take in a condition: the stage statuses of attractor-spec.md 5.2
 * as their exact, lowercase wire strings. Conditions compare exactly (10.3), so {@code
 * outcome=succeeded} never matches; the {@code outcome_value} lint rule uses {@link #suggest} to
 * say what was meant.
 */
public final class OutcomeValues {
  public static final String SUCCESS = "success";
  public static final String PARTIAL_SUCCESS = "partial_success";
  public static final String RETRY = "retry";
  public static final String FAIL = "fail";
  public static final String SKIPPED = "skipped";

  /** Every status, in the order of 5.2. */
  public static final List<String> ALL = List.of(SUCCESS, PARTIAL_SUCCESS, RETRY, FAIL, SKIPPED);

  /** Words other tools and habits use for the same statuses (peer lessons, spec trap 2). */
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("succeeded", SUCCESS),
      Map.entry("successful", SUCCESS),
      Map.entry("succeed", SUCCESS),
      Map.entry("ok", SUCCESS),
      Map.entry("pass", SUCCESS),
      Map.entry("passed", SUCCESS),
      Map.entry("done", SUCCESS),
      Map.entry("completed", SUCCESS),
      Map.entry("failed", FAIL),
      Map.entry("failure", FAIL),
      Map.entry("error", FAIL),
      Map.entry("errored", FAIL),
      Map.entry("partial", PARTIAL_SUCCESS),
      Map.entry("partial-success", PARTIAL_SUCCESS),
      Map.entry("partially_succeeded", PARTIAL_SUCCESS),
      Map.entry("skip", SKIPPED),
      Map.entry("retrying", RETRY),
      Map.entry("retried", RETRY));

  private OutcomeValues() {}

  public static boolean isValid(String value) {
    return ALL.contains(value);
  }

  /** The status a user most likely meant by {@code value}: a known synonym, else the closest spelling. */
  public static Optional<String> suggest(String value) {
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    if (isValid(lower)) {
      return Optional.of(lower);
    }
    String synonym = SYNONYMS.get(lower);
    if (synonym != null) {
      return Optional.of(synonym);
    }
    return dev.darkfactory.pipeline.graph.Spelling.closest(value, ALL);
  }
}
