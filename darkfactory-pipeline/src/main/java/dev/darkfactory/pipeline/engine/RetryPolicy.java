package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * How often and how patiently a node is retried (attractor-spec.md 3.5, 3.6).
 *
 * @param maxAttempts total executions per visit, at least 1
 * @param shouldRetry whether an exception thrown by the handler is transient (3.6 default predicate)
 * @param retryOnFail whether a FAIL outcome is retried like RETRY; 3.5 never retries FAIL, 11.5 says
 *     nodes are retried on FAIL too (see the spec-conformance ledger)
 */
public record RetryPolicy(int maxAttempts, Backoff backoff, Predicate<Throwable> shouldRetry, boolean retryOnFail) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(shouldRetry, "shouldRetry");
  }

  /** A preset of 3.6 by name: {@code none}, {@code standard}, {@code aggressive}, {@code linear}, {@code patient}. */
  public enum Preset {
    NONE(1, Backoff.defaults()),
    STANDARD(5, new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(60), true)),
    AGGRESSIVE(5, new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(60), true)),
    LINEAR(3, new Backoff(Duration.ofMillis(500), 1.0, Duration.ofSeconds(60), true)),
    PATIENT(3, new Backoff(Duration.ofMillis(2000), 3.0, Duration.ofSeconds(60), true));

    private final int maxAttempts;
    private final Backoff backoff;

    Preset(int maxAttempts, Backoff backoff) {
      this.maxAttempts = maxAttempts;
      this.backoff = backoff;
    }

    public int maxAttempts() {
      return maxAttempts;
    }

    public Backoff backoff() {
      return backoff;
    }

    public static Optional<Preset> named(String name) {
      for (Preset preset : values()) {
        if (preset.name().toLowerCase(Locale.ROOT).equals(name)) {
          return Optional.of(preset);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The policy of {@code node}. Attempts: the node's {@code max_retries} + 1 when set (0 counts as
   * set); else the attempts of the node's {@code retry_policy} preset; else the graph's {@code
   * default_max_retries} + 1 when set; else those of its {@code default_retry_policy}; else 1.
   * Backoff: the node's preset, else the graph's, else 3.6's defaults. {@code retry_on_fail}: the
   * node's, else the graph's, else {@code retryOnFailDefault}.
   */
  public static RetryPolicy forNode(Node node, Graph graph, Predicate<Throwable> shouldRetry, boolean retryOnFailDefault) {
    Optional<Preset> nodePreset = node.retryPolicy().flatMap(Preset::named);
    Optional<Preset> graphPreset = graph.defaultRetryPolicy().flatMap(Preset::named);
    int attempts = firstOf(node.maxRetries(), r -> r + 1)
        .or(() -> nodePreset.map(Preset::maxAttempts))
        .or(() -> firstOf(graph.explicitDefaultMaxRetries(), r -> r + 1))
        .or(() -> graphPreset.map(Preset::maxAttempts))
        .orElse(1);
    Backoff backoff = nodePreset.or(() -> graphPreset).map(Preset::backoff).orElse(Backoff.defaults());
    boolean retryOnFail = node.retryOnFail().or(graph::retryOnFail).orElse(retryOnFailDefault);
    return new RetryPolicy(Math.max(1, attempts), backoff, shouldRetry, retryOnFail);
  }

  private static Optional<Integer> firstOf(OptionalInt value, java.util.function.IntUnaryOperator f) {
    return value.isPresent() ? Optional.of(f.applyAsInt(Math.max(0, value.getAsInt()))) : Optional.empty();
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Backoff.defaults(), e -> false, false);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, backoff, shouldRetry, retryOnFail);
  }
}
