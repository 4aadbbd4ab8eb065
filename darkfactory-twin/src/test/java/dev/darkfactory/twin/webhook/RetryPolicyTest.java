package dev.darkfactory.twin.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void backoffGrowsByTheMultiplierUpToTheCap() {
    RetryPolicy policy = RetryPolicy.exponential(6, Duration.ofSeconds(1), Duration.ofSeconds(5));

    assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.backoffBefore(5)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, 0.5, Duration.ZERO)).hasMessageContaining("multiplier");
  }

  @Test
  void receiversAreJudgedFromTheUrlAloneWithoutALookup() {
    assertThat(ReceiverPolicy.refusal(java.net.URI.create("http://localhost:8080/x"), true)).isEmpty();
    assertThat(ReceiverPolicy.refusal(java.net.URI.create("http://127.0.0.2/x"), true)).isEmpty();
    assertThat(ReceiverPolicy.refusal(java.net.URI.create("http://[::1]:9/x"), true)).isEmpty();
    assertThat(ReceiverPolicy.refusal(java.net.URI.create("http://10.0.0.1/x"), true)).isPresent();
    assertThat(ReceiverPolicy.refusal(java.net.URI.create("http://10.0.0.1/x"), false)).isEmpty();
    assertThat(ReceiverPolicy.refusal(java.net.URI.create("ftp://localhost/x"), false)).hasValueSatisfying(
        reason -> assertThat(reason).contains("http or https"));
  }
}
