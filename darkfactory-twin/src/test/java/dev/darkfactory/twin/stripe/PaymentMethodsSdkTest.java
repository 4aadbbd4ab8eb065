package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerPaymentMethodListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.PaymentMethodUpdateParams;
import org.junit.jupiter.api.Test;

/** Card payment methods through stripe-java: from test tokens and magic ids, attached to and detached from customers. */
class PaymentMethodsSdkTest extends StripeSdkTest {

  @Test
  void aTestTokenBecomesACardPaymentMethod() throws Exception {
    PaymentMethod method = stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder()
        .setType(PaymentMethodCreateParams.Type.CARD)
        .setCard(PaymentMethodCreateParams.Token.builder().setToken("tok_mastercard").build()).build());

    assertThat(method.getId()).startsWith("pm_");
    assertThat(method.getType()).isEqualTo("card");
    assertThat(method.getCard().getBrand()).isEqualTo("mastercard");
    assertThat(method.getCard().getLast4()).isEqualTo("4444");
    assertThat(stripe.v1().paymentMethods().retrieve(method.getId()).getCard().getLast4()).isEqualTo("4444");
  }

  @Test
  void aMagicIdBecomesANewPaymentMethodEachTime() throws Exception {
    PaymentMethod first = stripe.v1().paymentMethods().retrieve("pm_card_visa");
    PaymentMethod second = stripe.v1().paymentMethods().retrieve("pm_card_visa");

    assertThat(first.getId()).isNotEqualTo("pm_card_visa").isNotEqualTo(second.getId());
    assertThat(first.getCard().getLast4()).isEqualTo("4242");
  }

  @Test
  void aDecliningCardStillDeclinesWhenUsedByItsNewId() throws Exception {
    PaymentMethod declining = stripe.v1().paymentMethods().retrieve("pm_card_chargeDeclined");

    assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(1000).setPaymentMethod(declining.getId())
        .setConfirm(true).build())).isInstanceOf(com.stripe.exception.CardException.class);
  }

  @Test
  void attachListUseAndDetach() throws Exception {
    Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
    PaymentMethod method = stripe.v1().paymentMethods().attach("pm_card_amex",
        PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());

    assertThat(method.getCustomer()).isEqualTo(customer.getId());
    assertThat(stripe.v1().customers().paymentMethods().list(customer.getId(), CustomerPaymentMethodListParams.builder().build())
        .getData()).extracting(PaymentMethod::getId).containsExactly(method.getId());
    PaymentIntent paid = stripe.v1().paymentIntents().create(cardPayment(1000).setCustomer(customer.getId())
        .setPaymentMethod(method.getId()).setConfirm(true).build());
    assertThat(paid.getStatus()).isEqualTo("succeeded");
    assertThat(stripe.v1().paymentMethods().detach(method.getId()).getCustomer()).isNull();
    assertThatThrownBy(() -> stripe.v1().paymentMethods().detach(method.getId())).isInstanceOf(InvalidRequestException.class);
    assertThat(stripe.v1().paymentMethods().update(method.getId(), PaymentMethodUpdateParams.builder().putMetadata("k", "v").build())
        .getMetadata()).containsEntry("k", "v");
  }

  @Test
  void rawCardNumbersAndUnknownTokensAreRefused() {
    assertThatThrownBy(() -> stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder()
        .setType(PaymentMethodCreateParams.Type.CARD)
        .setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber("4242424242424242").setExpMonth(12L).setExpYear(2034L)
            .build()).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStripeError().getMessage())
            .startsWith("Sending credit card numbers directly to the Stripe API is generally unsafe."));
    assertThatThrownBy(() -> stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder()
        .setType(PaymentMethodCreateParams.Type.CARD)
        .setCard(PaymentMethodCreateParams.Token.builder().setToken("tok_nope").build()).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
    assertThat(twin.journal().exchanges().get(0).requestBody()).doesNotContain("4242424242424242");
  }
}
