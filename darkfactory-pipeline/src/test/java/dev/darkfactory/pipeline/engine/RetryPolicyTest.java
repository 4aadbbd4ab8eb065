package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Graph;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** attractor-spec.md 3.5 and 3.6. */
class RetryPolicyTest {
  private static RetryPolicy policy(String graphAttrs, String nodeAttrs) {
    Graph graph = DotParser.parse("t.dot", "digraph T { graph [" + graphAttrs + "] n [" + nodeAttrs + "] }");
    return RetryPolicy.forNode(graph.node("n").orElseThrow(), graph, e -> false, true);
  }

  @Test
  void maxRetriesCountsAdditionalAttempts() {
    assertThat(policy("", "max_retries=3").maxAttempts()).isEqualTo(4);
  }

  @Test
  void withNothingSetThereAreNoRetries() {
    assertThat(policy("", "").maxAttempts()).isEqualTo(1);
  }

  @Test
  void theGraphDefaultAppliesToNodesWithoutMaxRetries() {
    assertThat(policy("default_max_retries=2", "").maxAttempts()).isEqualTo(3);
  }

  @Test
  void theLegacyAliasIsAccepted() {
    assertThat(policy("default_max_retry=4", "").maxAttempts()).isEqualTo(5);
  }

  @Test
  void anExplicitZeroIsNotTheSameAsUnset() {
    // Peer lessons, spec trap 4: max_retries=0 on the node wins over the graph default.
    assertThat(policy("default_max_retries=3", "max_retries=0").maxAttempts()).isEqualTo(1);
    assertThat(policy("default_max_retries=3", "").maxAttempts()).isEqualTo(4);
  }

  @Test
  void presetsSetAttemptsWhenNoMaxRetriesIsWritten() {
    assertThat(policy("", "retry_policy=\"standard\"").maxAttempts()).isEqualTo(5);
    assertThat(policy("", "retry_policy=\"patient\"").maxAttempts()).isEqualTo(3);
    assertThat(policy("", "retry_policy=\"none\"").maxAttempts()).isEqualTo(1);
    assertThat(policy("default_retry_policy=\"linear\"", "").maxAttempts()).isEqualTo(3);
    assertThat(policy("", "retry_policy=\"aggressive\", max_retries=1").maxAttempts()).isEqualTo(2);
  }

  @Test
  void presetDelaysMatchTheTableWithoutJitter() {
    assertThat(delays(RetryPolicy.Preset.STANDARD, 5)).containsExactly(200L, 400L, 800L, 1600L, 3200L);
    assertThat(delays(RetryPolicy.Preset.AGGRESSIVE, 5)).containsExactly(500L, 1000L, 2000L, 4000L, 8000L);
    assertThat(delays(RetryPolicy.Preset.LINEAR, 3)).containsExactly(500L, 500L, 500L);
    assertThat(delays(RetryPolicy.Preset.PATIENT, 3)).containsExactly(2000L, 6000L, 18000L);
  }

  private static List<Long> delays(RetryPolicy.Preset preset, int count) {
    Backoff backoff = preset.backoff().withJitter(false);
    return IntStream.rangeClosed(1, count).mapToObj(i -> backoff.delayForAttempt(i, new Random(1)).toMillis()).toList();
  }

  @Test
  void delaysAreCappedAtTheMaximum() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), 10.0, Duration.ofSeconds(60), false);
    assertThat(backoff.delayForAttempt(5, new Random(1))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void retryOnFailComesFromTheNodeThenTheGraphThenTheEngine() {
    assertThat(policy("", "").retryOnFail()).isTrue();
    assertThat(policy("retry_on_fail=false", "").retryOnFail()).isFalse();
    assertThat(policy("retry_on_fail=false", "retry_on_fail=true").retryOnFail()).isTrue();
  }
}
