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
  void aFixedScheduleWaitsExactlyItsDurationsInTurn() {
    RetryPolicy slack = RetryPolicy.after(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5));

    assertThat(slack.maxAttempts()).isEqualTo(4);
    assertThat(slack.backoffBefore(2)).isEqualTo(Duration.ZERO);
    assertThat(slack.backoffBefore(3)).isEqualTo(Duration.ofMinutes(1));
    assertThat(slack.backoffBefore(4)).isEqualTo(Duration.ofMinutes(5));
    assertThat(RetryPolicy.after()).satisfies(none -> assertThat(none.maxAttempts()).isEqualTo(1));
  }

  @Test
  void aScheduleNeedsOneNonNegativeWaitPerRetry() {
    assertThatThrownBy(() -> RetryPolicy.after(Duration.ofSeconds(-1))).hasMessageContaining("negative");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO, java.util.List.of(Duration.ZERO)))
        .hasMessageContaining("one wait per retry");
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
