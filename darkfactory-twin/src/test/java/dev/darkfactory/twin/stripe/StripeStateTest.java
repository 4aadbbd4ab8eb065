package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import dev.darkfactory.twin.DocumentException;
import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.document.DocumentFormat;
import dev.darkfactory.twin.document.JsonDocument;
import dev.darkfactory.twin.runtime.TwinOptions;
import dev.darkfactory.twin.runtime.TwinServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Seeding Stripe state from fixtures, snapshots, and determinism under a seed and a fixed clock. */
class StripeStateTest extends StripeSdkTest {

  @Test
  void aSeedOfStripeObjectsIsServedAsIfCreatedThroughTheApi() throws Exception {
    twin.control().seed(JsonDocument.parse("fixture.yaml", """
        namespaces:
          sk_test_twin_alice:
            customers:
              - id: cus_Fixture000001
                email: fixture@example.com
            payment_intents:
              - id: pi_fixture
                amount: 4200
                currency: eur
                status: requires_payment_method
                payment_method_types: [card]
                customer: cus_Fixture000001
        """, DocumentFormat.YAML));

    Customer customer = stripe.v1().customers().retrieve("cus_Fixture000001");
    PaymentIntent confirmed = stripe.v1().paymentIntents().confirm("pi_fixture",
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());

    assertThat(customer.getEmail()).isEqualTo("fixture@example.com");
    assertThat(customer.getObject()).isEqualTo("customer");
    assertThat(confirmed.getStatus()).isEqualTo("succeeded");
    assertThat(stripe.v1().charges().retrieve(confirmed.getLatestCharge()).getCurrency()).isEqualTo("eur");
  }

  @Test
  void aSeedWithAWrongIdIsRefusedAtItsLineAndColumn(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("seed.json"), """
        {"namespaces": {"sk_test_twin_alice": {
          "customers": [
            {"id": "cus_ok"},
            {"id": "pi_not_a_customer"}
          ]
        }}}
        """);

    assertThatThrownBy(() -> twin.control().seed(file)).isInstanceOf(DocumentException.class)
        .hasMessage(file + ":4:12: expected a customer id starting with cus_");
    assertThatThrownBy(() -> twin.control().seed(JsonDocument.parse("s.json", "{\"namespaces\": {\"sk_test_x\": {\"custmers\": []}}}",
        DocumentFormat.JSON))).hasMessageContaining("unknown collection 'custmers'");
  }

  @Test
  void aSnapshotSeedsAnotherTwinIntoTheSameState() throws Exception {
    Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("s@example.com").build());
    PaymentIntent paid = paid(3000);
    JsonNode snapshot = twin.control().snapshot();

    try (TwinServer other = TwinServer.start(StripeTwin.create())) {
      other.control().seed(snapshot);
      var client = com.stripe.StripeClient.builder().setApiKey(KEY).setApiBase(other.baseUrl().toString()).build();

      assertThat(client.v1().customers().retrieve(customer.getId()).getEmail()).isEqualTo("s@example.com");
      assertThat(client.v1().paymentIntents().retrieve(paid.getId()).getStatus()).isEqualTo("succeeded");
      assertThat(other.control().snapshot(Namespace.ofCredential(KEY))).isEqualTo(twin.control().snapshot(Namespace.ofCredential(KEY)));
    }
  }

  @Test
  void theSameSeedAndClockGiveTheSameIdsAndTimestamps() throws Exception {
    assertThat(run()).isEqualTo(run());
  }

  private List<String> run() throws Exception {
    TwinOptions options = TwinOptions.newBuilder().idSeed(99).clock(Instant.parse("2026-04-01T08:00:00Z")).build();
    try (TwinServer seeded = TwinServer.start(StripeTwin.create(), options)) {
      var client = com.stripe.StripeClient.builder().setApiKey(KEY).setApiBase(seeded.baseUrl().toString()).build();
      var other = com.stripe.StripeClient.builder().setApiKey("sk_test_other").setApiBase(seeded.baseUrl().toString()).build();
      List<String> observed = new ArrayList<>();
      Customer customer = client.v1().customers().create(CustomerCreateParams.builder().build());
      other.v1().customers().create(CustomerCreateParams.builder().build());
      PaymentIntent intent = client.v1().paymentIntents().create(cardPayment(1000).setCustomer(customer.getId())
          .setPaymentMethod("pm_card_visa").setConfirm(true).build());
      observed.add(customer.getId() + "@" + customer.getCreated());
      observed.add(intent.getId() + "@" + intent.getCreated() + "/" + intent.getLatestCharge() + "/" + intent.getClientSecret());
      observed.add(intent.getLastResponse().requestId());
      return observed;
    }
  }
}
