package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.spi.ErrorFormat;
import dev.darkfactory.twin.spi.NamespaceResolver;
import dev.darkfactory.twin.spi.RouteTable;
import dev.darkfactory.twin.spi.StateModel;
import dev.darkfactory.twin.spi.Twin;
import dev.darkfactory.twin.webhook.RetryPolicy;
import dev.darkfactory.twin.webhook.WebhookOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * The Stripe twin: customers, payment methods, payment intents (with Stripe's state machine), charges, refunds,
 * webhook endpoints and events, in Stripe's wire format (form-encoded requests with bracket syntax, {@code expand[]},
 * list pagination, error bodies and codes), with idempotency keys and signed webhooks ({@code Stripe-Signature}).
 * One namespace per test key. Fidelity is measured with stripe-java; docs/twins.md has the coverage table.
 *
 * <pre>{@code
 * try (TwinServer stripe = TwinServer.start(StripeTwin.create())) {
 *   StripeClient client = StripeClient.builder().setApiKey("sk_test_123").setApiBase(stripe.baseUrl().toString()).build();
 *   PaymentIntent intent = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
 *       .setAmount(2000L).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true).build());
 * }
 * }</pre>
 */
public final class StripeTwin implements Twin<StripeState> {

  /** The API version stripe-java 29.5 pins; answers name it unless the request asks for another. */
  public static final String API_VERSION = "2025-08-27.basil";

  /**
   * Stripe retries a failed webhook "three times over a few hours" in test mode; the twin waits 5 minutes, then 30,
   * then 3 hours (our reading of that sentence; Stripe does not publish the exact schedule). On a fixed clock the
   * retries fire as the clock is advanced.
   */
  public static final RetryPolicy WEBHOOK_RETRIES = new RetryPolicy(4, Duration.ofMinutes(5), 6, Duration.ofHours(3));

  private final String apiVersion;
  private final WebhookOptions webhooks;
  private final StripeErrors errors;
  private final StripeCredentials credentials;
  private final RouteTable<StripeState> routes;

  private StripeTwin(String apiVersion, WebhookOptions webhooks) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.errors = new StripeErrors(apiVersion);
    this.credentials = new StripeCredentials(apiVersion);
    this.routes = StripeRoutes.table(this);
  }

  public static StripeTwin create() {
    return newBuilder().build();
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "stripe";
  }

  @Override
  public NamespaceResolver namespaces() {
    return credentials;
  }

  @Override
  public RouteTable<StripeState> routes() {
    return routes;
  }

  @Override
  public StateModel<StripeState> state() {
    return new StripeStateModel();
  }

  @Override
  public ErrorFormat errors() {
    return errors;
  }

  @Override
  public WebhookOptions webhooks() {
    return webhooks;
  }

  String apiVersion() {
    return apiVersion;
  }

  /** Builds a Stripe twin; the defaults are stripe-java's API version and Stripe's test-mode webhook retries. */
  public static final class Builder {
    private String apiVersion = API_VERSION;
    private WebhookOptions webhooks = WebhookOptions.DEFAULT.withRetry(WEBHOOK_RETRIES);

    private Builder() {}

    /** The account's default API version (events are rendered in it unless an endpoint pins another). */
    public Builder apiVersion(String version) {
      this.apiVersion = version;
      return this;
    }

    public Builder webhooks(WebhookOptions options) {
      this.webhooks = options;
      return this;
    }

    public StripeTwin build() {
      return new StripeTwin(apiVersion, webhooks);
    }
  }
}
