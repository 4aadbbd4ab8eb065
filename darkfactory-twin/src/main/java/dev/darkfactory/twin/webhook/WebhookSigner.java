package dev.darkfactory.twin.webhook;

import java.time.Instant;
import java.util.Map;

/** Signs a webhook as a vendor does: the headers to add for {@code payload}, signed with {@code secret} at {@code signedAt}. */
@FunctionalInterface
public interface WebhookSigner {

  Map<String, String> sign(byte[] payload, String secret, Instant signedAt);

  /**
   * The headers for one attempt: vendors whose retries say which attempt they are and why the last one failed
   * (Slack) override this; the others sign every attempt alike.
   */
  default Map<String, String> sign(byte[] payload, String secret, Instant signedAt, DeliveryAttempt attempt) {
    return sign(payload, secret, signedAt);
  }

  /** For vendors whose webhooks are not signed. */
  static WebhookSigner unsigned() {
    return (payload, secret, signedAt) -> Map.of();
  }
}
