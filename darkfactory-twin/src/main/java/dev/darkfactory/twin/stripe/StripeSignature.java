package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=TIMESTAMP,v1=SIGNATURE}, where SIGNATURE is the hex
 * HMAC-SHA256, keyed with the endpoint's whole secret ({@code whsec_...}, as UTF-8), of {@code TIMESTAMP + "." +
 * payload}. What stripe-java's {@code Webhook.constructEvent} verifies.
 */
public final class StripeSignature implements WebhookSigner {

  public static final String HEADER = "Stripe-Signature";

  @Override
  public Map<String, String> sign(byte[] payload, String secret, Instant signedAt) {
    long timestamp = signedAt.getEpochSecond();
    return Map.of(HEADER, "t=" + timestamp + ",v1=" + hmac(secret, timestamp, payload));
  }

  static String hmac(String secret, long timestamp, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(payload));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every JDK has HmacSHA256", e);
    }
  }
}
