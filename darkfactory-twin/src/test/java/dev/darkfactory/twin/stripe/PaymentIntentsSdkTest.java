package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentUpdateParams;
import org.junit.jupiter.api.Test;

/** The PaymentIntent state machine through stripe-java. */
class PaymentIntentsSdkTest extends StripeSdkTest {

  @Test
  void createThenConfirmSucceedsWithACapturedCharge() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(cardPayment(2000).setDescription("order 7").build());
    assertThat(created.getStatus()).isEqualTo("requires_payment_method");
    assertThat(created.getClientSecret()).startsWith(created.getId() + "_secret_");
    assertThat(created.getCaptureMethod()).isEqualTo("automatic_async");

    PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(created.getId(),
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());

    assertThat(confirmed.getStatus()).isEqualTo("succeeded");
    assertThat(confirmed.getAmountReceived()).isEqualTo(2000L);
    assertThat(confirmed.getPaymentMethod()).startsWith("pm_").isNotEqualTo("pm_card_visa");
    Charge charge = stripe.v1().charges().retrieve(confirmed.getLatestCharge());
    assertThat(charge.getStatus()).isEqualTo("succeeded");
    assertThat(charge.getCaptured()).isTrue();
    assertThat(charge.getAmountCaptured()).isEqualTo(2000L);
    assertThat(charge.getPaymentIntent()).isEqualTo(confirmed.getId());
    assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
    assertThat(charge.getDescription()).isEqualTo("order 7");
  }

  @Test
  void aPaymentMethodAtCreationMeansRequiresConfirmation() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(cardPayment(1500).setPaymentMethod("pm_card_mastercard").build());

    assertThat(created.getStatus()).isEqualTo("requires_confirmation");
    assertThat(stripe.v1().paymentIntents().confirm(created.getId()).getStatus()).isEqualTo("succeeded");
  }

  @Test
  void manualCaptureWaitsInRequiresCaptureAndCapturesPartially() throws Exception {
    PaymentIntent authorized = stripe.v1().paymentIntents().create(cardPayment(5000).setPaymentMethod("pm_card_visa")
        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).setConfirm(true).build());
    assertThat(authorized.getStatus()).isEqualTo("requires_capture");
    assertThat(authorized.getAmountCapturable()).isEqualTo(5000L);
    assertThat(stripe.v1().charges().retrieve(authorized.getLatestCharge()).getCaptured()).isFalse();

    PaymentIntent captured = stripe.v1().paymentIntents().capture(authorized.getId(),
        PaymentIntentCaptureParams.builder().setAmountToCapture(3000L).build());

    assertThat(captured.getStatus()).isEqualTo("succeeded");
    assertThat(captured.getAmountReceived()).isEqualTo(3000L);
    assertThat(captured.getAmountCapturable()).isZero();
    Charge charge = stripe.v1().charges().retrieve(captured.getLatestCharge());
    assertThat(charge.getAmountCaptured()).isEqualTo(3000L);
    assertThat(charge.getCaptured()).isTrue();
  }

  @Test
  void capturingMoreThanIsCapturableIsRefused() throws Exception {
    PaymentIntent authorized = stripe.v1().paymentIntents().create(cardPayment(1000).setPaymentMethod("pm_card_visa")
        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).setConfirm(true).build());

    assertThatThrownBy(() -> stripe.v1().paymentIntents().capture(authorized.getId(),
        PaymentIntentCaptureParams.builder().setAmountToCapture(1001L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getCode()).isEqualTo("amount_too_large"));
  }

  @Test
  void captureOutsideRequiresCaptureIsAnUnexpectedState() throws Exception {
    PaymentIntent paid = paid(1000);

    assertThatThrownBy(() -> stripe.v1().paymentIntents().capture(paid.getId()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state");
          assertThat(e.getStripeError().getMessage()).contains("has a status of succeeded");
        });
  }

  @Test
  void aDeclinedCardIsACardExceptionAndTheIntentWantsAnotherPaymentMethod() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(cardPayment(2000).build());

    CardException declined = org.junit.jupiter.api.Assertions.assertThrows(CardException.class, () ->
        stripe.v1().paymentIntents().confirm(created.getId(),
            PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_chargeDeclinedInsufficientFunds").build()));

    assertThat(declined.getStatusCode()).isEqualTo(402);
    assertThat(declined.getCode()).isEqualTo("card_declined");
    assertThat(declined.getDeclineCode()).isEqualTo("insufficient_funds");
    assertThat(declined.getStripeError().getMessage()).isEqualTo("Your card has insufficient funds.");
    assertThat(declined.getCharge()).startsWith("ch_");
    assertThat(declined.getStripeError().getPaymentIntent().getStatus()).isEqualTo("requires_payment_method");
    PaymentIntent after = stripe.v1().paymentIntents().retrieve(created.getId());
    assertThat(after.getStatus()).isEqualTo("requires_payment_method");
    assertThat(after.getLastPaymentError().getDeclineCode()).isEqualTo("insufficient_funds");
    assertThat(stripe.v1().charges().retrieve(declined.getCharge()).getStatus()).isEqualTo("failed");
    assertThat(stripe.v1().paymentIntents().confirm(created.getId(),
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()).getStatus()).isEqualTo("succeeded");
  }

  @Test
  void declinesCarryTheirOwnCodes() throws Exception {
    CardException expired = org.junit.jupiter.api.Assertions.assertThrows(CardException.class, () ->
        stripe.v1().paymentIntents().create(cardPayment(2000).setPaymentMethod("pm_card_chargeDeclinedExpiredCard").setConfirm(true)
            .build()));
    CardException cvc = org.junit.jupiter.api.Assertions.assertThrows(CardException.class, () ->
        stripe.v1().paymentIntents().create(cardPayment(2000).setPaymentMethod("pm_card_chargeDeclinedIncorrectCvc").setConfirm(true)
            .build()));

    assertThat(expired.getCode()).isEqualTo("expired_card");
    assertThat(expired.getStripeError().getParam()).isEqualTo("exp_month");
    assertThat(cvc.getCode()).isEqualTo("incorrect_cvc");
    assertThat(cvc.getStripeError().getParam()).isEqualTo("cvc");
  }

  @Test
  void aThreeDSecureCardRequiresAction() throws Exception {
    PaymentIntent intent = stripe.v1().paymentIntents().create(cardPayment(2000).setPaymentMethod("pm_card_threeDSecure2Required")
        .setConfirm(true).build());

    assertThat(intent.getStatus()).isEqualTo("requires_action");
    assertThat(intent.getNextAction().getType()).isEqualTo("use_stripe_sdk");
    assertThat(stripe.v1().paymentIntents().cancel(intent.getId()).getStatus()).isEqualTo("canceled");
  }

  @Test
  void offSessionAThreeDSecureCardIsDeclinedForAuthentication() {
    CardException error = org.junit.jupiter.api.Assertions.assertThrows(CardException.class, () ->
        stripe.v1().paymentIntents().create(cardPayment(2000).setPaymentMethod("pm_card_authenticationRequired").setConfirm(true)
            .setOffSession(true).build()));

    assertThat(error.getDeclineCode()).isEqualTo("authentication_required");
  }

  @Test
  void automaticPaymentMethodsNeedAReturnUrlUnlessRedirectsAreRefused() throws Exception {
    PaymentIntentCreateParams.Builder automatic = PaymentIntentCreateParams.builder().setAmount(2000L).setCurrency("usd")
        .setPaymentMethod("pm_card_visa").setConfirm(true);

    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(automatic.build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStripeError().getParam()).isEqualTo("return_url");
          assertThat(e.getStripeError().getMessage()).contains("you must provide a `return_url`");
        });
    assertThat(stripe.v1().paymentIntents().create(automatic.setReturnUrl("https://shop.example/done").build()).getStatus())
        .isEqualTo("succeeded");
    assertThat(stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(2000L).setCurrency("usd")
        .setPaymentMethod("pm_card_visa").setConfirm(true).setAutomaticPaymentMethods(
            PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true)
                .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER).build())
        .build()).getStatus()).isEqualTo("succeeded");
  }

  @Test
  void confirmingWithoutAPaymentMethodOrTwiceIsAnUnexpectedState() throws Exception {
    PaymentIntent created = stripe.v1().paymentIntents().create(cardPayment(2000).build());
    assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(created.getId()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state");
          assertThat(e.getStripeError().getMessage()).contains("missing a payment method");
        });

    PaymentIntent paid = paid(2000);
    assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(paid.getId()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStripeError().getMessage())
            .isEqualTo("You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed."));
  }

  @Test
  void cancelIsAllowedUntilTheIntentSucceeds() throws Exception {
    PaymentIntent open = stripe.v1().paymentIntents().create(cardPayment(2000).build());

    PaymentIntent canceled = stripe.v1().paymentIntents().cancel(open.getId(), PaymentIntentCancelParams.builder()
        .setCancellationReason(PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER).build());

    assertThat(canceled.getStatus()).isEqualTo("canceled");
    assertThat(canceled.getCancellationReason()).isEqualTo("requested_by_customer");
    assertThat(canceled.getCanceledAt()).isPositive();
    PaymentIntent paid = paid(2000);
    assertThatThrownBy(() -> stripe.v1().paymentIntents().cancel(paid.getId()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStripeError().getMessage())
            .startsWith("You cannot cancel this PaymentIntent because it has a status of succeeded."));
  }

  @Test
  void cancelingAnAuthorizationReleasesItsCharge() throws Exception {
    PaymentIntent authorized = stripe.v1().paymentIntents().create(cardPayment(4000).setPaymentMethod("pm_card_visa")
        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).setConfirm(true).build());

    stripe.v1().paymentIntents().cancel(authorized.getId());

    Charge released = stripe.v1().charges().retrieve(authorized.getLatestCharge());
    assertThat(released.getRefunded()).isTrue();
    assertThat(released.getAmountRefunded()).isEqualTo(4000L);
  }

  @Test
  void updatesChangeTheAmountBeforeConfirmationAndOnlyMetadataAfter() throws Exception {
    PaymentIntent open = stripe.v1().paymentIntents().create(cardPayment(2000).build());
    PaymentIntent updated = stripe.v1().paymentIntents().update(open.getId(), PaymentIntentUpdateParams.builder().setAmount(2500L)
        .putMetadata("order", "42").build());
    assertThat(updated.getAmount()).isEqualTo(2500L);
    assertThat(updated.getMetadata()).containsEntry("order", "42");

    PaymentIntent paid = paid(1000);
    assertThatThrownBy(() -> stripe.v1().paymentIntents().update(paid.getId(), PaymentIntentUpdateParams.builder().setAmount(5L)
        .build())).isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
    assertThat(stripe.v1().paymentIntents().update(paid.getId(), PaymentIntentUpdateParams.builder().putMetadata("late", "ok")
        .build()).getMetadata()).containsEntry("late", "ok");
  }

  @Test
  void expandReplacesIdsWithObjects() throws Exception {
    Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("x@example.com").build());
    PaymentIntent paid = stripe.v1().paymentIntents().create(cardPayment(2000).setCustomer(customer.getId())
        .setPaymentMethod("pm_card_visa").setConfirm(true).build());

    PaymentIntent expanded = stripe.v1().paymentIntents().retrieve(paid.getId(), PaymentIntentRetrieveParams.builder()
        .addExpand("latest_charge").addExpand("customer").addExpand("latest_charge.customer").build());

    assertThat(expanded.getLatestChargeObject().getAmount()).isEqualTo(2000L);
    assertThat(expanded.getCustomerObject().getEmail()).isEqualTo("x@example.com");
    assertThat(expanded.getLatestChargeObject().getCustomerObject().getEmail()).isEqualTo("x@example.com");
    StripeCollection<PaymentIntent> list = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
        .setCustomer(customer.getId()).addExpand("data.customer").build());
    assertThat(list.getData()).singleElement().satisfies(pi -> assertThat(pi.getCustomerObject().getId()).isEqualTo(customer.getId()));
    assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve(paid.getId(), PaymentIntentRetrieveParams.builder()
        .addExpand("amount").build())).isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getStripeError().getMessage()).isEqualTo("This property cannot be expanded (amount)."));
  }

  @Test
  void badParametersAreRefusedAsStripeRefusesThem() {
    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setCurrency("usd").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("parameter_missing");
          assertThat(e.getStripeError().getParam()).isEqualTo("amount");
          assertThat(e.getStripeError().getMessage()).isEqualTo("Missing required param: amount.");
        });
    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(10).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("amount_too_small");
          assertThat(e.getStripeError().getMessage()).isEqualTo("Amount must be at least $0.50 usd");
        });
    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(2000).putExtraParam("colour", "blue").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("parameter_unknown");
          assertThat(e.getStripeError().getMessage()).isEqualTo("Received unknown parameter: colour");
        });
    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(2000).setCurrency("xyz").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStripeError().getParam()).isEqualTo("currency"));
    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(2000).setPaymentMethod("pm_unknown").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(400);
          assertThat(e.getCode()).isEqualTo("resource_missing");
        });
  }
}
