package dev.darkfactory.twin.stripe;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import dev.darkfactory.twin.runtime.TwinOptions;
import dev.darkfactory.twin.runtime.TwinServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the fidelity tests: a Stripe twin on loopback and stripe-java, the vendor's own client, pointed at
 * it. Retries are off unless a test turns them on, so every request the SDK makes is one the test chose.
 */
abstract class StripeSdkTest {

  static final String KEY = "sk_test_twin_alice";

  TwinServer twin;
  StripeClient stripe;

  TwinOptions options() {
    return TwinOptions.DEFAULT;
  }

  @BeforeEach
  void startTwin() {
    twin = TwinServer.start(StripeTwin.create(), options());
    stripe = client(KEY);
  }

  @AfterEach
  void stopTwin() {
    twin.close();
  }

  StripeClient client(String key) {
    return client(key, 0);
  }

  StripeClient client(String key, int retries) {
    return StripeClient.builder().setApiKey(key).setApiBase(twin.baseUrl().toString()).setMaxNetworkRetries(retries).build();
  }

  /** A PaymentIntent for a card-only payment (no redirect-based methods, so no return_url is needed). */
  static PaymentIntentCreateParams.Builder cardPayment(long amount) {
    return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("usd").addPaymentMethodType("card");
  }

  PaymentIntent paid(long amount) throws Exception {
    return stripe.v1().paymentIntents().create(cardPayment(amount).setPaymentMethod("pm_card_visa").setConfirm(true).build());
  }
}
