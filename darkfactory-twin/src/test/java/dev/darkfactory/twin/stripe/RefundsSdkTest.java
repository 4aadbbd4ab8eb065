package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.ChargeCaptureParams;
import com.stripe.param.ChargeCreateParams;
import com.stripe.param.ChargeListParams;
import com.stripe.param.ChargeRetrieveParams;
import com.stripe.param.ChargeUpdateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.RefundUpdateParams;
import org.junit.jupiter.api.Test;

/** Charges and refunds through stripe-java, including Stripe's refusal to refund more than was paid. */
class RefundsSdkTest extends StripeSdkTest {

  @Test
  void partialRefundsAddUpAndTheLastOneMarksTheChargeRefunded() throws Exception {
    PaymentIntent paid = paid(1000);

    Refund first = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(300L)
        .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).build());
    Charge afterFirst = stripe.v1().charges().retrieve(paid.getLatestCharge());
    Refund rest = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(paid.getLatestCharge()).build());

    assertThat(first.getStatus()).isEqualTo("succeeded");
    assertThat(first.getAmount()).isEqualTo(300L);
    assertThat(first.getCharge()).isEqualTo(paid.getLatestCharge());
    assertThat(first.getPaymentIntent()).isEqualTo(paid.getId());
    assertThat(first.getReason()).isEqualTo("requested_by_customer");
    assertThat(afterFirst.getAmountRefunded()).isEqualTo(300L);
    assertThat(afterFirst.getRefunded()).isFalse();
    assertThat(rest.getAmount()).isEqualTo(700L);
    Charge refunded = stripe.v1().charges().retrieve(paid.getLatestCharge(), ChargeRetrieveParams.builder().addExpand("refunds")
        .build());
    assertThat(refunded.getRefunded()).isTrue();
    assertThat(refunded.getAmountRefunded()).isEqualTo(1000L);
    assertThat(refunded.getRefunds().getData()).extracting(Refund::getId).containsExactly(rest.getId(), first.getId());
  }

  @Test
  void refundingMoreThanIsLeftIsStripesAmountTooLarge() throws Exception {
    PaymentIntent paid = paid(1000);
    stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(paid.getLatestCharge()).setAmount(600L).build());

    assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(paid.getLatestCharge())
        .setAmount(500L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(400);
          assertThat(e.getCode()).isEqualTo("amount_too_large");
          assertThat(e.getStripeError().getParam()).isEqualTo("amount");
          assertThat(e.getStripeError().getMessage())
              .isEqualTo("Refund amount ($5.00) is greater than unrefunded amount on charge ($4.00)");
        });
  }

  @Test
  void refundingARefundedChargeIsChargeAlreadyRefunded() throws Exception {
    PaymentIntent paid = paid(1000);
    stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());

    assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getCode()).isEqualTo("charge_already_refunded");
          assertThat(e.getStripeError().getMessage()).isEqualTo("Charge " + paid.getLatestCharge() + " has already been refunded.");
        });
  }

  @Test
  void aPaymentIntentWithoutASuccessfulChargeCannotBeRefunded() throws Exception {
    PaymentIntent open = stripe.v1().paymentIntents().create(cardPayment(1000).build());

    assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(open.getId()).build()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getCode()).isEqualTo("parameter_missing"));
  }

  @Test
  void refundsAreListedRetrievedAndUpdated() throws Exception {
    PaymentIntent one = paid(1000);
    PaymentIntent two = paid(2000);
    Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(one.getId()).build());
    stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(two.getId()).build());

    assertThat(stripe.v1().refunds().list(RefundListParams.builder().setCharge(one.getLatestCharge()).build()).getData())
        .extracting(Refund::getId).containsExactly(refund.getId());
    assertThat(stripe.v1().refunds().list().getData()).hasSize(2);
    assertThat(stripe.v1().refunds().retrieve(refund.getId()).getAmount()).isEqualTo(1000L);
    assertThat(stripe.v1().refunds().update(refund.getId(), RefundUpdateParams.builder().putMetadata("why", "test").build())
        .getMetadata()).containsEntry("why", "test");
  }

  @Test
  void chargesAreListedByPaymentIntentAndUpdated() throws Exception {
    PaymentIntent paid = paid(1000);
    paid(2000);

    assertThat(stripe.v1().charges().list(ChargeListParams.builder().setPaymentIntent(paid.getId()).build()).getData())
        .extracting(Charge::getId).containsExactly(paid.getLatestCharge());
    assertThat(stripe.v1().charges().list().getData()).hasSize(2);
    Charge updated = stripe.v1().charges().update(paid.getLatestCharge(), ChargeUpdateParams.builder().setDescription("gift")
        .putMetadata("k", "v").build());
    assertThat(updated.getDescription()).isEqualTo("gift");
    assertThat(updated.getMetadata()).containsEntry("k", "v");
  }

  @Test
  void legacyChargesFromTokensSucceedDeclineAndCapture() throws Exception {
    Charge charge = stripe.v1().charges().create(ChargeCreateParams.builder().setAmount(1200L).setCurrency("usd")
        .setSource("tok_visa").build());
    assertThat(charge.getPaid()).isTrue();
    assertThat(charge.getCaptured()).isTrue();

    CardException declined = org.junit.jupiter.api.Assertions.assertThrows(CardException.class, () ->
        stripe.v1().charges().create(ChargeCreateParams.builder().setAmount(1200L).setCurrency("usd")
            .setSource("tok_chargeDeclined").build()));
    assertThat(declined.getDeclineCode()).isEqualTo("generic_decline");

    Charge authorized = stripe.v1().charges().create(ChargeCreateParams.builder().setAmount(1200L).setCurrency("usd")
        .setSource("tok_visa").setCapture(false).build());
    assertThat(authorized.getCaptured()).isFalse();
    Charge captured = stripe.v1().charges().capture(authorized.getId(), ChargeCaptureParams.builder().setAmount(1000L).build());
    assertThat(captured.getCaptured()).isTrue();
    assertThat(captured.getAmountCaptured()).isEqualTo(1000L);
  }
}
