package dev.darkfactory.twin.stripe;

import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Charges: made by confirming PaymentIntents (or directly, the legacy way, from a test token), retrieved, listed,
 * updated and captured. A charge of a declining test card is stored as {@code failed}.
 */
final class Charges {

  private static final Set<String> CREATE = Set.of("amount", "currency", "customer", "source", "description", "metadata",
      "capture", "receipt_email", "statement_descriptor", "statement_descriptor_suffix", "shipping", "transfer_group",
      "on_behalf_of", "application_fee_amount", "transfer_data", "radar_options");

  private Charges() {}

  static void register(StripeRoutes routes) {
    routes.post("/v1/charges", Charges::createLegacy);
    routes.get("/v1/charges", request -> {
      Params params = request.params.allowOnly(Set.of("limit", "starting_after", "ending_before", "created", "customer",
          "payment_intent", "transfer_group"));
      return Listing.page(request, "/v1/charges", request.state.charges,
          Listing.fieldEquals(params, "customer", "customer").and(Listing.fieldEquals(params, "payment_intent", "payment_intent")),
          "charge");
    });
    routes.get("/v1/charges/{id}", request -> retrieve(request, request.path("id")));
    routes.post("/v1/charges/{id}", request -> {
      ObjectNode charge = retrieve(request, request.path("id"));
      Params params = request.params.allowOnly(Set.of("description", "metadata", "receipt_email", "shipping", "fraud_details",
          "transfer_group", "customer"));
      ObjectNode before = charge.deepCopy();
      for (String field : java.util.List.of("description", "receipt_email", "transfer_group")) {
        if (params.unsets(field)) {
          charge.putNull(field);
        } else {
          params.string(field).ifPresent(value -> charge.put(field, value));
        }
      }
      params.hash("shipping").ifPresent(shipping -> charge.set("shipping", shipping.deepCopy()));
      params.applyMetadata(charge);
      Events.emit(request, "charge.updated", charge, Optional.of(Customers.changed(before, charge)));
      return charge;
    });
    routes.post("/v1/charges/{id}/capture", Charges::captureLegacy);
  }

  static ObjectNode retrieve(StripeRequest request, String id) {
    ObjectNode charge = request.state.charges.get(id);
    if (charge == null) {
      throw ApiError.missing("charge", id, "id");
    }
    return charge;
  }

  /** The result of charging a card: the stored charge, and the decline when it failed. */
  record Attempt(ObjectNode charge, Optional<TestCard.Outcome.Declined> declined) {}

  /** Charges {@code method}: a succeeded (captured or only authorized) or failed charge, stored and announced. */
  static Attempt charge(StripeRequest request, long amount, String currency, Optional<String> customer, ObjectNode method,
      Optional<String> paymentIntent, boolean capture, Optional<String> description) {
    TestCard card = PaymentMethods.card(method);
    Optional<TestCard.Outcome.Declined> declined = card.outcome() instanceof TestCard.Outcome.Declined d ? Optional.of(d)
        : Optional.empty();
    boolean succeeded = declined.isEmpty();
    ObjectNode charge = request.newObject("ch", "charge").put("amount", amount)
        .put("amount_captured", succeeded && capture ? amount : 0).put("amount_refunded", 0).putNull("application")
        .putNull("application_fee").putNull("application_fee_amount").putNull("balance_transaction");
    charge.set("billing_details", method.path("billing_details").deepCopy());
    charge.put("calculated_statement_descriptor", "TWIN*STRIPE").put("captured", succeeded && capture).put("created", request.now)
        .put("currency", currency);
    customer.ifPresentOrElse(c -> charge.put("customer", c), () -> charge.putNull("customer"));
    description.ifPresentOrElse(d -> charge.put("description", d), () -> charge.putNull("description"));
    charge.put("disputed", false).putNull("failure_balance_transaction");
    declined.ifPresentOrElse(d -> charge.put("failure_code", d.code()).put("failure_message", d.message()),
        () -> charge.putNull("failure_code").putNull("failure_message"));
    charge.putObject("fraud_details");
    charge.put("livemode", false).putObject("metadata");
    charge.putNull("on_behalf_of");
    ObjectNode outcome = charge.putObject("outcome");
    if (succeeded) {
      outcome.put("network_status", "approved_by_network").putNull("reason").put("risk_level", "normal").put("risk_score", 32)
          .put("seller_message", "Payment complete.").put("type", "authorized");
    } else {
      outcome.put("network_status", "declined_by_network").put("reason", declined.get().declineCode()).put("risk_level", "normal")
          .put("risk_score", 32).put("seller_message", "The bank did not return any further details with this decline.")
          .put("type", "issuer_declined");
    }
    charge.put("paid", succeeded);
    paymentIntent.ifPresentOrElse(pi -> charge.put("payment_intent", pi), () -> charge.putNull("payment_intent"));
    charge.put("payment_method", method.path("id").asString());
    ObjectNode details = charge.putObject("payment_method_details");
    details.putObject("card").put("brand", card.brand()).put("country", card.country()).put("exp_month", 12).put("exp_year", 2034)
        .put("funding", card.funding()).put("last4", card.last4()).put("network", card.brand());
    details.put("type", "card");
    charge.putNull("receipt_email").putNull("receipt_number").putNull("receipt_url").put("refunded", false).putNull("review")
        .putNull("shipping").putNull("source").putNull("statement_descriptor").putNull("statement_descriptor_suffix")
        .put("status", succeeded ? "succeeded" : "failed").putNull("transfer_data").putNull("transfer_group");
    request.state.charges.put(charge.path("id").asString(), charge);
    Events.emit(request, succeeded ? "charge.succeeded" : "charge.failed", charge);
    return new Attempt(charge, declined);
  }

  /** Stripe's card error for a decline, carrying the failed charge's id (and what the caller adds). */
  static ApiError declineError(TestCard.Outcome.Declined declined, ObjectNode charge, ObjectNode extra) {
    ObjectNode error = extra.deepCopy();
    error.put("charge", charge.path("id").asString());
    return ApiError.card(declined.message(), declined.code(), declined.declineCode(), declined.param().orElse(null), error);
  }

  /** Captures {@code amount} of an authorized charge; the rest of the authorization is released (shown as refunded). */
  static void capture(StripeRequest request, ObjectNode charge, long amount) {
    charge.put("amount_captured", amount).put("captured", true).put("amount_refunded", charge.path("amount").asLong() - amount);
    Events.emit(request, "charge.captured", charge);
  }

  private static ObjectNode createLegacy(StripeRequest request) {
    Params params = request.params.allowOnly(CREATE);
    String currency = Money.currency(params);
    long amount = Money.amount(params.requireInteger("amount"), currency, "amount");
    Optional<String> customer = params.has("customer") ? Optional.of(Customers.referenced(request, "customer")) : Optional.empty();
    String source = params.string("source").orElseThrow(() -> ApiError.invalid("Must provide source or customer.", "parameter_missing",
        "source"));
    TestCard card = TestCard.byToken(source).or(() -> TestCard.byPaymentMethod(source))
        .orElseThrow(() -> ApiError.missingParam("source", source, "source"));
    ObjectNode method = PaymentMethods.resolve(request, card.paymentMethod(), "source", false);
    boolean capture = params.bool("capture").orElse(true);
    Attempt attempt = charge(request, amount, currency, customer, method, Optional.empty(), capture, params.string("description"));
    params.applyMetadata(attempt.charge());
    params.string("receipt_email").ifPresent(email -> attempt.charge().put("receipt_email", email));
    if (attempt.declined().isPresent()) {
      throw declineError(attempt.declined().get(), attempt.charge(), StripeJson.object());
    }
    return attempt.charge();
  }

  private static ObjectNode captureLegacy(StripeRequest request) {
    ObjectNode charge = retrieve(request, request.path("id"));
    Params params = request.params.allowOnly(Set.of("amount", "receipt_email", "statement_descriptor", "statement_descriptor_suffix",
        "application_fee_amount", "transfer_data", "transfer_group"));
    if (!charge.path("payment_intent").isNull()) {
      throw ApiError.state("This charge belongs to PaymentIntent " + charge.path("payment_intent").asString() + ": capture the"
          + " PaymentIntent instead.", null, null);
    }
    if (charge.path("captured").asBoolean() || !charge.path("paid").asBoolean()) {
      throw ApiError.state("Charge " + charge.path("id").asString() + " has already been captured.", "charge_already_captured", null);
    }
    long amount = params.integer("amount").orElse(charge.path("amount").asLong());
    if (amount > charge.path("amount").asLong()) {
      throw ApiError.state("The amount to capture (" + amount + ") is greater than the amount of the charge ("
          + charge.path("amount").asLong() + ").", "amount_too_large", "amount");
    }
    capture(request, charge, amount);
    return charge;
  }
}
