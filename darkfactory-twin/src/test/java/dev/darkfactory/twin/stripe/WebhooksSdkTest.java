package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.fixture.Receiver;
import dev.darkfactory.twin.journal.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks from the Stripe twin, verified with stripe-java's own {@code Webhook.constructEvent}. */
class WebhooksSdkTest extends StripeSdkTest {

  private final Receiver receiver = new Receiver();

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private WebhookEndpoint endpoint(WebhookEndpointCreateParams.EnabledEvent... events) throws Exception {
    return stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl(receiver.url().toString())
        .addAllEnabledEvent(List.of(events)).build());
  }

  private List<Event> verifiedEvents(String secret) throws SignatureVerificationException {
    List<Event> events = new java.util.ArrayList<>();
    for (Receiver.Delivery delivery : receiver.deliveries()) {
      events.add(Webhook.constructEvent(delivery.body(), delivery.header("Stripe-Signature"), secret));
    }
    return events;
  }

  @Test
  void eventsArriveSignedAsStripeSignsThem() throws Exception {
    WebhookEndpoint endpoint = endpoint(WebhookEndpointCreateParams.EnabledEvent.ALL);
    assertThat(endpoint.getSecret()).startsWith("whsec_");

    PaymentIntent paid = paid(2000);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() >= 3);
    List<Event> events = verifiedEvents(endpoint.getSecret());
    assertThat(events).extracting(Event::getType)
        .contains("payment_intent.created", "charge.succeeded", "payment_intent.succeeded");
    Event succeeded = events.stream().filter(e -> e.getType().equals("payment_intent.succeeded")).findFirst().orElseThrow();
    PaymentIntent object = (PaymentIntent) succeeded.getDataObjectDeserializer().getObject().orElseThrow();
    assertThat(object.getId()).isEqualTo(paid.getId());
    assertThat(object.getStatus()).isEqualTo("succeeded");
    assertThat(succeeded.getLivemode()).isFalse();
    assertThat(receiver.deliveries().get(0).header("User-Agent")).startsWith("Stripe/1.0");
    assertThat(stripe.v1().events().retrieve(succeeded.getId()).getType()).isEqualTo("payment_intent.succeeded");
  }

  @Test
  void aReceiverWithTheWrongSecretCannotVerifyTheEvent() throws Exception {
    endpoint(WebhookEndpointCreateParams.EnabledEvent.PAYMENT_INTENT__SUCCEEDED);
    paid(2000);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 1);
    Receiver.Delivery delivery = receiver.deliveries().get(0);
    assertThatThrownBy(() -> Webhook.constructEvent(delivery.body(), delivery.header("Stripe-Signature"), "whsec_wrong"))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void anEndpointGetsOnlyTheEventsItSubscribesTo() throws Exception {
    WebhookEndpoint endpoint = endpoint(WebhookEndpointCreateParams.EnabledEvent.CHARGE__REFUNDED);
    PaymentIntent paid = paid(2000);
    Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(500L).build());

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 1);
    twin.awaitWebhooks(Duration.ofSeconds(10));
    Event event = verifiedEvents(endpoint.getSecret()).get(0);
    assertThat(receiver.deliveries()).hasSize(1);
    assertThat(event.getType()).isEqualTo("charge.refunded");
    com.stripe.model.Charge charge = (com.stripe.model.Charge) event.getDataObjectDeserializer().getObject().orElseThrow();
    assertThat(charge.getAmountRefunded()).isEqualTo(refund.getAmount());
  }

  @Test
  void theSecretIsShownOnlyAtCreationAndEndpointsCanBeDisabled() throws Exception {
    WebhookEndpoint endpoint = endpoint(WebhookEndpointCreateParams.EnabledEvent.ALL);

    assertThat(stripe.v1().webhookEndpoints().retrieve(endpoint.getId()).getSecret()).isNull();
    assertThat(stripe.v1().webhookEndpoints().list().getData()).singleElement()
        .satisfies(listed -> assertThat(listed.getSecret()).isNull());
    stripe.v1().webhookEndpoints().update(endpoint.getId(), WebhookEndpointUpdateParams.builder().setDisabled(true).build());
    paid(2000);
    twin.awaitWebhooks(Duration.ofSeconds(10));
    assertThat(receiver.deliveries()).isEmpty();
    assertThat(stripe.v1().webhookEndpoints().delete(endpoint.getId()).getDeleted()).isTrue();
  }

  @Test
  void anEndpointOffLoopbackIsRefused() {
    assertThatThrownBy(() -> stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
        .setUrl("https://hooks.example.com/stripe").addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStripeError().getParam()).isEqualTo("url");
          assertThat(e.getStripeError().getMessage()).contains("loopback");
        });
  }

  @Test
  void eventsAreListedByType() throws Exception {
    paid(2000);

    List<Event> charges = stripe.v1().events().list(EventListParams.builder().setType("charge.*").build()).getData();

    assertThat(charges).extracting(Event::getType).containsExactly("charge.succeeded");
    assertThat(stripe.v1().events().list().getData()).hasSize(3);
  }

  @Test
  void aDroppedEventNeverArrivesAndTheJournalSaysSo() throws Exception {
    WebhookEndpoint endpoint = endpoint(WebhookEndpointCreateParams.EnabledEvent.ALL);
    twin.faults().add(FaultRule.newBuilder().id("lose-success").webhook("payment_intent.succeeded").fault(Fault.drop()).build());

    paid(2000);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 2);
    twin.awaitWebhooks(Duration.ofSeconds(10));
    assertThat(verifiedEvents(endpoint.getSecret())).extracting(Event::getType)
        .containsExactlyInAnyOrder("payment_intent.created", "charge.succeeded");
    assertThat(twin.journal().webhookAttempts()).filteredOn(a -> a.outcome() == JournalEntry.Outcome.DROPPED)
        .singleElement().satisfies(a -> assertThat(a.eventType()).isEqualTo("payment_intent.succeeded"));
  }

  @Test
  void aFailedDeliveryIsRetriedOnTheTwinsClockWithStripesBackoff() throws Exception {
    twin.control().setClock(Instant.parse("2026-06-01T09:00:00Z"));
    WebhookEndpoint endpoint = endpoint(WebhookEndpointCreateParams.EnabledEvent.PAYMENT_INTENT__SUCCEEDED);
    receiver.answer(503);
    paid(2000);
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.journal().webhookAttempts().size() == 1);
    assertThat(twin.journal().webhookAttempts().get(0).nextAttempt()).contains(Instant.parse("2026-06-01T09:05:00Z"));

    twin.control().advanceClock(Duration.ofMinutes(5));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 2);
    List<Event> events = verifiedEvents(endpoint.getSecret());
    assertThat(events.get(1).getId()).isEqualTo(events.get(0).getId());
  }
}
