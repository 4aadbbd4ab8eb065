package dev.darkfactory.twin.stripe;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Refunds of a charge or a PaymentIntent's charge: in full or in part, never more than is left (Stripe's
 * {@code amount_too_large}, {@code charge_already_refunded}); the charge's {@code amount_refunded} and
 * {@code refunded} follow, and {@code charge.refunded} is announced.
 */
final class Refunds {

  private static final List<String> REASONS = List.of("duplicate", "fraudulent", "requested_by_customer");

  private Refunds() {}

  static void register(StripeRoutes routes) {
    routes.post("/v1/refunds", Refunds::create);
    routes.get("/v1/refunds", request -> {
      Params params = request.params.allowOnly(Set.of("limit", "starting_after", "ending_before", "created", "charge",
          "payment_intent"));
      return Listing.page(request, "/v1/refunds", request.state.refunds,
          Listing.fieldEquals(params, "charge", "charge").and(Listing.fieldEquals(params, "payment_intent", "payment_intent")),
          "refund");
    });
    routes.get("/v1/refunds/{id}", request -> retrieve(request, request.path("id")));
    routes.post("/v1/refunds/{id}", request -> {
      ObjectNode refund = retrieve(request, request.path("id"));
      request.params.allowOnly(Set.of("metadata")).applyMetadata(refund);
      Events.emit(request, "refund.updated", refund);
      return refund;
    });
  }

  private static ObjectNode retrieve(StripeRequest request, String id) {
    ObjectNode refund = request.state.refunds.get(id);
    if (refund == null) {
      throw ApiError.missing("refund", id, "id");
    }
    return refund;
  }

  private static ObjectNode create(StripeRequest request) {
    Params params = request.params.allowOnly(Set.of("charge", "payment_intent", "amount", "reason", "metadata", "instructions_email",
        "origin", "refund_application_fee", "reverse_transfer", "currency", "customer"));
    ObjectNode charge = chargeToRefund(request, params);
    String currency = charge.path("currency").asString();
    long left = charge.path("amount_captured").asLong() - charge.path("amount_refunded").asLong();
    if (left <= 0) {
      throw ApiError.state("Charge " + charge.path("id").asString() + " has already been refunded.", "charge_already_refunded", null);
    }
    long amount = params.integer("amount").orElse(left);
    if (amount < 1) {
      throw ApiError.invalid("Invalid positive integer", "parameter_invalid_integer", "amount");
    }
    if (amount > left) {
      throw ApiError.state("Refund amount (" + Money.format(amount, currency) + ") is greater than unrefunded amount on charge ("
          + Money.format(left, currency) + ")", "amount_too_large", "amount");
    }
    Optional<String> reason = params.oneOf("reason", REASONS);
    ObjectNode refund = request.newObject("re", "refund").put("amount", amount).putNull("balance_transaction")
        .put("charge", charge.path("id").asString()).put("created", request.now).put("currency", currency);
    ObjectNode destination = refund.putObject("destination_details");
    destination.putObject("card").put("reference_status", "pending").put("reference_type", "acquirer_reference_number")
        .put("type", "refund");
    destination.put("type", "card");
    refund.putObject("metadata");
    refund.set("payment_intent", charge.path("payment_intent").deepCopy());
    refund.put("reason", reason.orElse(null)).putNull("receipt_number").putNull("source_transfer_reversal")
        .put("status", "succeeded").putNull("transfer_reversal");
    params.applyMetadata(refund);
    request.state.refunds.put(refund.path("id").asString(), refund);
    ObjectNode before = charge.deepCopy();
    long refunded = charge.path("amount_refunded").asLong() + amount;
    charge.put("amount_refunded", refunded).put("refunded", refunded >= charge.path("amount_captured").asLong());
    Events.emit(request, "refund.created", refund);
    Events.emit(request, "charge.refunded", charge, Optional.of(Customers.changed(before, charge)));
    return refund;
  }

  private static ObjectNode chargeToRefund(StripeRequest request, Params params) {
    Optional<String> chargeId = params.string("charge");
    Optional<String> intentId = params.string("payment_intent");
    if (chargeId.isPresent() && intentId.isPresent()) {
      throw ApiError.invalid("You may only specify one of these parameters: charge, payment_intent.", null, "payment_intent");
    }
    ObjectNode charge;
    if (chargeId.isPresent()) {
      charge = request.state.charges.get(chargeId.get());
      if (charge == null) {
        throw ApiError.missingParam("charge", chargeId.get(), "charge");
      }
    } else if (intentId.isPresent()) {
      ObjectNode intent = request.state.paymentIntents.get(intentId.get());
      if (intent == null) {
        throw ApiError.missingParam("payment_intent", intentId.get(), "payment_intent");
      }
      String latest = intent.path("latest_charge").asString("");
      charge = request.state.charges.get(latest);
      if (charge == null || !charge.path("paid").asBoolean()) {
        throw ApiError.state("This PaymentIntent does not have a successful charge to refund.", null, "payment_intent");
      }
    } else {
      throw ApiError.invalid("One of the following params should be provided for this request: payment_intent or charge.",
          "parameter_missing", null);
    }
    if (!charge.path("paid").asBoolean()) {
      throw ApiError.state("Charge " + charge.path("id").asString() + " cannot be refunded because it failed.", null, "charge");
    }
    if (!charge.path("captured").asBoolean()) {
      throw ApiError.state("Charge " + charge.path("id").asString() + " has not been captured: cancel its PaymentIntent to release"
          + " the authorization instead.", null, "charge");
    }
    return charge;
  }
}
