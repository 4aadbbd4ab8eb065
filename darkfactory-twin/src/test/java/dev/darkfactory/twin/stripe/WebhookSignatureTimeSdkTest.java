package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.WebhookEndpointCreateParams;
import dev.darkfactory.twin.fixture.Receiver;
import dev.darkfactory.twin.runtime.TwinOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signed with the twin's clock, a receiver verifies with the same clock, as constructEvent allows. */
class WebhookSignatureTimeSdkTest extends StripeSdkTest {
  private final Receiver receiver = new Receiver();
  private static final Instant FROZEN = Instant.parse("2024-01-01T00:00:00Z");

  @Override
  TwinOptions options() {
    return TwinOptions.newBuilder().clock(FROZEN).webhooks(dev.darkfactory.twin.webhook.WebhookOptions.DEFAULT
        .withRetry(StripeTwin.WEBHOOK_RETRIES).withSignatureTime(dev.darkfactory.twin.webhook.WebhookOptions.SignatureTime.TWIN))
        .build();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void theSignatureCarriesTheTwinsTime() throws Exception {
    WebhookEndpoint endpoint = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
        .setUrl(receiver.url().toString()).addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL).build());
    paid(2000);
    await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.deliveries().isEmpty());
    Receiver.Delivery delivery = receiver.deliveries().get(0);

    assertThat(delivery.header("Stripe-Signature")).startsWith("t=" + FROZEN.getEpochSecond() + ",v1=");
    assertThatThrownBy(() -> Webhook.constructEvent(delivery.body(), delivery.header("Stripe-Signature"), endpoint.getSecret()))
        .isInstanceOf(SignatureVerificationException.class).hasMessageContaining("tolerance");
    Event event = Webhook.constructEvent(delivery.body(), delivery.header("Stripe-Signature"), endpoint.getSecret(),
        Webhook.DEFAULT_TOLERANCE, Clock.fixed(FROZEN, ZoneOffset.UTC));
    assertThat(event.getCreated()).isEqualTo(FROZEN.getEpochSecond());
  }
}
