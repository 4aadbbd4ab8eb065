package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signer against the SDK's verifier, and against an HMAC computed by hand from Stripe's documented scheme. */
class StripeSignatureTest {

  private static final String SECRET = "whsec_test_secret";
  private static final String PAYLOAD = "{\n  \"id\": \"evt_1\",\n  \"object\": \"event\"\n}";

  @Test
  void stripeJavaVerifiesTheTwinsSignature() throws Exception {
    long now = Instant.now().getEpochSecond();
    String header = new StripeSignature().sign(PAYLOAD.getBytes(StandardCharsets.UTF_8), SECRET, Instant.ofEpochSecond(now))
        .get("Stripe-Signature");

    assertThat(header).matches("t=" + now + ",v1=[0-9a-f]{64}");
    assertThat(Webhook.Signature.verifyHeader(PAYLOAD, header, SECRET, 300)).isTrue();
  }

  @Test
  void aChangedPayloadDoesNotVerify() {
    String header = new StripeSignature().sign(PAYLOAD.getBytes(StandardCharsets.UTF_8), SECRET, Instant.now())
        .get("Stripe-Signature");

    assertThatThrownBy(() -> Webhook.Signature.verifyHeader(PAYLOAD + " ", header, SECRET, 300))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void theSignatureIsHmacSha256OfTimestampDotPayload() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = java.util.HexFormat.of().formatHex(mac.doFinal(("1700000000." + PAYLOAD).getBytes(StandardCharsets.UTF_8)));

    assertThat(StripeSignature.hmac(SECRET, 1_700_000_000L, PAYLOAD.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
  }
}
