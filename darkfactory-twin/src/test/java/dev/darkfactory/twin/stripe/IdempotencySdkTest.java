package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.fault.Phase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Idempotency keys as stripe-java uses them: replays, conflicts, and the SDK's own retries after a lost answer. */
class IdempotencySdkTest extends StripeSdkTest {

  private static RequestOptions key(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  @Test
  void aReplayReturnsTheFirstResponseMarkedReplayed() throws Exception {
    PaymentIntentCreateParams params = cardPayment(2000).setPaymentMethod("pm_card_visa").setConfirm(true).build();

    PaymentIntent first = stripe.v1().paymentIntents().create(params, key("order-1"));
    PaymentIntent again = stripe.v1().paymentIntents().create(params, key("order-1"));

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(again.getLastResponse().headers().firstValue("Original-Request")).contains(first.getLastResponse().requestId());
    assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(first.getLastResponse().idempotencyKey()).isEqualTo("order-1");
    assertThat(stripe.v1().paymentIntents().list().getData()).hasSize(1);
    assertThat(stripe.v1().charges().list().getData()).hasSize(1);
  }

  @Test
  void theSameKeyWithOtherParametersIsAnIdempotencyError() throws Exception {
    stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("a@example.com").build(), key("k"));

    assertThatThrownBy(() -> stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("b@example.com").build(),
        key("k")))
        .isInstanceOfSatisfying(IdempotencyException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(400);
          assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
          assertThat(e.getStripeError().getMessage()).isEqualTo("Keys for idempotent requests can only be used with the same"
              + " parameters they were first used with. Try using a key other than 'k' if you meant to execute a different request.");
        });
  }

  @Test
  void theSameKeyOnAnotherEndpointIsAnIdempotencyError() throws Exception {
    stripe.v1().customers().create(CustomerCreateParams.builder().build(), key("shared"));

    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(2000).build(), key("shared")))
        .isInstanceOfSatisfying(IdempotencyException.class, e -> assertThat(e.getStripeError().getMessage())
            .contains("can only be used for the same endpoint they were first used for ('/v1/customers' vs '/v1/payment_intents')"));
  }

  @Test
  void aDeclineIsRememberedAndReplayedAsTheSameDecline() throws Exception {
    PaymentIntentCreateParams params = cardPayment(2000).setPaymentMethod("pm_card_chargeDeclined").setConfirm(true).build();

    CardException first = org.junit.jupiter.api.Assertions.assertThrows(CardException.class,
        () -> stripe.v1().paymentIntents().create(params, key("declined")));
    CardException again = org.junit.jupiter.api.Assertions.assertThrows(CardException.class,
        () -> stripe.v1().paymentIntents().create(params, key("declined")));

    assertThat(again.getCharge()).isEqualTo(first.getCharge());
    assertThat(stripe.v1().charges().list().getData()).hasSize(1);
  }

  @Test
  void aRequestThatFailedValidationIsNotRemembered() throws Exception {
    assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().build(), key("fix-me")))
        .isInstanceOf(InvalidRequestException.class);
    PaymentIntent paid = paid(1000);

    assertThat(stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build(), key("fix-me"))
        .getAmount()).isEqualTo(1000L);
  }

  @Test
  void keysBelongToTheirApiKey() throws Exception {
    Customer alice = stripe.v1().customers().create(CustomerCreateParams.builder().build(), key("same"));
    Customer bob = client("sk_test_twin_bob").v1().customers().create(CustomerCreateParams.builder().build(), key("same"));

    assertThat(bob.getId()).isNotEqualTo(alice.getId());
  }

  @Test
  void keysExpireAfterADayOfTheTwinsClock() throws Exception {
    twin.control().setClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    Customer first = stripe.v1().customers().create(CustomerCreateParams.builder().build(), key("daily"));
    twin.control().advanceClock(Duration.ofHours(25));

    Customer later = stripe.v1().customers().create(CustomerCreateParams.builder().build(), key("daily"));

    assertThat(later.getId()).isNotEqualTo(first.getId());
  }

  @Test
  void whenTheAnswerIsLostTheSdksRetryIsReplayedNotRepeated() throws Exception {
    twin.faults().add(FaultRule.newBuilder().route("POST /v1/payment_intents").nth(1).phase(Phase.AFTER)
        .fault(Fault.status(500)).build());
    StripeClient retrying = client(KEY, 2);

    PaymentIntent intent = retrying.v1().paymentIntents().create(cardPayment(2000).setPaymentMethod("pm_card_visa")
        .setConfirm(true).build());

    assertThat(intent.getStatus()).isEqualTo("succeeded");
    assertThat(intent.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(stripe.v1().paymentIntents().list().getData()).hasSize(1);
    assertThat(twin.journal().exchanges()).filteredOn(e -> e.method().equals("POST") && e.path().equals("/v1/payment_intents")).hasSize(2);
  }

  @Test
  void aTimeoutAfterTheChargeIsSafeToRetryWithTheSameKey() throws Exception {
    twin.faults().add(FaultRule.newBuilder().route("POST /v1/payment_intents").nth(1).phase(Phase.AFTER)
        .fault(new Fault.Hang(Optional.of(Duration.ofSeconds(10)))).build());
    RequestOptions impatient = RequestOptions.builder().setIdempotencyKey("order-9").setReadTimeout(500).build();
    PaymentIntentCreateParams params = cardPayment(2000).setPaymentMethod("pm_card_visa").setConfirm(true).build();

    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(params, impatient)).isInstanceOf(ApiConnectionException.class);
    PaymentIntent retried = stripe.v1().paymentIntents().create(params, key("order-9"));

    assertThat(retried.getStatus()).isEqualTo("succeeded");
    assertThat(retried.getLastResponse().headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(stripe.v1().charges().list().getData()).hasSize(1);
  }
}
