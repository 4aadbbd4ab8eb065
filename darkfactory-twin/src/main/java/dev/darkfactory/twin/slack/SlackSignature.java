package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.webhook.DeliveryAttempt;
import dev.darkfactory.twin.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code X-Slack-Request-Timestamp: TIMESTAMP} and {@code X-Slack-Signature: v0=HEX},
 * where HEX is the HMAC-SHA256, keyed with the app's signing secret (UTF-8), of {@code "v0:" + TIMESTAMP + ":" +
 * body}. Retries also carry {@code X-Slack-Retry-Num} (1 for the first retry) and {@code X-Slack-Retry-Reason}
 * ({@code http_timeout}, {@code connection_failed}, {@code http_error}, {@code unknown_error}), as Slack's do.
 */
public final class SlackSignature implements WebhookSigner {

  public static final String SIGNATURE = "X-Slack-Signature";
  public static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  public static final String RETRY_NUM = "X-Slack-Retry-Num";
  public static final String RETRY_REASON = "X-Slack-Retry-Reason";

  @Override
  public Map<String, String> sign(byte[] payload, String secret, Instant signedAt) {
    long timestamp = signedAt.getEpochSecond();
    return Map.of(TIMESTAMP, Long.toString(timestamp), SIGNATURE, signature(secret, timestamp, payload));
  }

  @Override
  public Map<String, String> sign(byte[] payload, String secret, Instant signedAt, DeliveryAttempt attempt) {
    Map<String, String> headers = new LinkedHashMap<>(sign(payload, secret, signedAt));
    if (attempt.number() > 1) {
      headers.put(RETRY_NUM, Integer.toString(attempt.number() - 1));
      headers.put(RETRY_REASON, attempt.previousFailure().map(SlackSignature::reason).orElse("unknown_error"));
    }
    return headers;
  }

  private static String reason(DeliveryAttempt.Failure failure) {
    return switch (failure) {
      case DeliveryAttempt.Failure.Timeout timeout -> "http_timeout";
      case DeliveryAttempt.Failure.ConnectionFailed failed -> "connection_failed";
      case DeliveryAttempt.Failure.HttpStatus status -> "http_error";
    };
  }

  /** {@code v0=} and the hex HMAC-SHA256 of {@code v0:TIMESTAMP:BODY} keyed with {@code secret}. */
  public static String signature(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every JDK has HmacSHA256", e);
    }
  }
}
