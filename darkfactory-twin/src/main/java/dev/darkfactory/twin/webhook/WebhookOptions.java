package dev.darkfactory.twin.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivery settings: the retry policy (a twin may bring its vendor's), the per-attempt timeout, whether receivers
 * must be on loopback (the default: a twin under test must not post events to the internet), and which clock
 * signs ({@link SignatureTime}).
 */
public record WebhookOptions(RetryPolicy retry, Duration timeout, boolean loopbackOnly, SignatureTime signatureTime) {

  public static final WebhookOptions DEFAULT =
      new WebhookOptions(RetryPolicy.exponential(4, Duration.ofSeconds(1), Duration.ofMinutes(1)), Duration.ofSeconds(10), true,
          SignatureTime.WALL);

  public WebhookOptions {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(signatureTime, "signatureTime");
  }

  /**
   * Why these options would not deliver to {@code url} (not http(s), or off loopback when {@code loopbackOnly}); empty
   * when they would. Judged from the URL alone, without a DNS lookup.
   */
  public Optional<String> refusal(URI url) {
    return ReceiverPolicy.refusal(url, loopbackOnly);
  }

  public WebhookOptions withRetry(RetryPolicy policy) {
    return new WebhookOptions(policy, timeout, loopbackOnly, signatureTime);
  }

  public WebhookOptions withTimeout(Duration perAttempt) {
    return new WebhookOptions(retry, perAttempt, loopbackOnly, signatureTime);
  }

  public WebhookOptions withLoopbackOnly(boolean only) {
    return new WebhookOptions(retry, timeout, only, signatureTime);
  }

  public WebhookOptions withSignatureTime(SignatureTime time) {
    return new WebhookOptions(retry, timeout, loopbackOnly, time);
  }

  /**
   * Which time goes into signatures. {@code WALL} (the default) keeps receivers that check the signature's age
   * against their own clock working while the twin's clock is fixed in the past; {@code TWIN} signs with the twin's
   * clock (reproducible headers; receivers must verify with the same clock, as stripe-java's
   * {@code Webhook.constructEvent(..., Clock)} allows).
   */
  public enum SignatureTime {
    WALL,
    TWIN
  }
}
