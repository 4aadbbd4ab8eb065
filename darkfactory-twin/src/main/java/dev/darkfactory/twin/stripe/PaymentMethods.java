package dev.darkfactory.twin.stripe;

import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Card payment methods: created from a test token, or from the magic ids ({@code pm_card_visa}) that stand for
 * test cards, which (as in Stripe's test mode) become a new payment method when used; retrieve, attach, detach and
 * a customer's list.
 */
final class PaymentMethods {

  private PaymentMethods() {}

  static void register(StripeRoutes routes) {
    routes.post("/v1/payment_methods", PaymentMethods::create);
    routes.get("/v1/payment_methods/{id}", request -> resolve(request, request.path("id"), "id", true));
    routes.post("/v1/payment_methods/{id}", request -> {
      ObjectNode method = resolve(request, request.path("id"), "id", true);
      request.params.allowOnly(Set.of("metadata", "billing_details", "allow_redisplay"));
      request.params.applyMetadata(method);
      request.params.hash("billing_details").ifPresent(details -> details.properties().forEach(field ->
          ((ObjectNode) method.get("billing_details")).set(field.getKey(), field.getValue())));
      return method;
    });
    routes.post("/v1/payment_methods/{id}/attach", request -> {
      request.params.allowOnly(Set.of("customer"));
      return attach(request, request.path("id"), Customers.referenced(request, "customer"), "id");
    });
    routes.post("/v1/payment_methods/{id}/detach", request -> {
      request.params.allowOnly(Set.of());
      ObjectNode method = resolve(request, request.path("id"), "id", true);
      if (method.path("customer").isNull()) {
        throw ApiError.state("The payment method you provided is not attached to a customer so detachment is impossible.", null,
            null);
      }
      method.putNull("customer");
      Events.emit(request, "payment_method.detached", method);
      return method;
    });
    routes.get("/v1/customers/{id}/payment_methods", request -> {
      String customer = Customers.retrieve(request, request.path("id"), false).path("id").asString();
      request.params.allowOnly(Set.of("limit", "starting_after", "ending_before", "type", "allow_redisplay"));
      return Listing.page(request, "/v1/customers/" + customer + "/payment_methods", request.state.paymentMethods,
          method -> customer.equals(method.path("customer").asString(null))
              && request.params.string("type").map(type -> type.equals(method.path("type").asString())).orElse(true),
          "payment method");
    });
  }

  private static ObjectNode create(StripeRequest request) {
    Params params = request.params.allowOnly(Set.of("type", "card", "billing_details", "metadata", "customer", "payment_method",
        "allow_redisplay"));
    String type = params.requireString("type");
    if (!type.equals("card")) {
      throw ApiError.invalid("The Stripe twin supports payment methods of type card only, not '" + type + "'.", null, "type");
    }
    ObjectNode card = params.hash("card").orElseThrow(() -> ApiError.invalid("Missing required param: card.", "parameter_missing",
        "card"));
    if (card.has("number")) {
      throw ApiError.invalid("Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test"
          + " tokens that map to the test card you are using, see https://stripe.com/docs/testing. To enable testing raw card data"
          + " APIs, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.", null, "card[number]");
    }
    String token = card.path("token").asString("");
    TestCard testCard = TestCard.byToken(token).orElseThrow(() -> ApiError.missingParam("token", token, "card[token]"));
    ObjectNode method = newMethod(request, testCard);
    params.applyMetadata(method);
    request.state.paymentMethods.put(method.path("id").asString(), method);
    return method;
  }

  /**
   * The payment method named by {@code id}: a stored one, or a magic test id made into a new one. A missing one is
   * Stripe's 404 ({@code inPath}) or 400 (named by a parameter).
   */
  static ObjectNode resolve(StripeRequest request, String id, String param, boolean inPath) {
    ObjectNode stored = request.state.paymentMethods.get(id);
    if (stored != null) {
      return stored;
    }
    return TestCard.byPaymentMethod(id).map(card -> {
      ObjectNode method = newMethod(request, card);
      request.state.paymentMethods.put(method.path("id").asString(), method);
      return method;
    }).orElseThrow(() -> inPath ? ApiError.missing("PaymentMethod", id, param) : ApiError.missingParam("PaymentMethod", id, param));
  }

  static ObjectNode attach(StripeRequest request, String id, String customer, String param) {
    ObjectNode method = resolve(request, id, param, param.equals("id"));
    String current = method.path("customer").asString(null);
    if (current != null && !current.equals(customer)) {
      throw ApiError.state("The payment method you provided has already been attached to a customer.", null, param);
    }
    method.put("customer", customer);
    Events.emit(request, "payment_method.attached", method);
    return method;
  }

  static TestCard card(ObjectNode method) {
    return TestCard.byLast4(method.path("card").path("last4").asString()).orElse(TestCard.ALL.get(0));
  }

  private static ObjectNode newMethod(StripeRequest request, TestCard card) {
    ObjectNode method = request.newObject("pm", "payment_method").put("allow_redisplay", "unspecified");
    ObjectNode billing = method.putObject("billing_details");
    billing.putObject("address").putNull("city").putNull("country").putNull("line1").putNull("line2").putNull("postal_code")
        .putNull("state");
    billing.putNull("email").putNull("name").putNull("phone").putNull("tax_id");
    ObjectNode details = method.putObject("card").put("brand", card.brand());
    details.putObject("checks").putNull("address_line1_check").putNull("address_postal_code_check").putNull("cvc_check");
    details.put("country", card.country()).put("display_brand", card.brand()).put("exp_month", 12).put("exp_year", 2034)
        .put("fingerprint", request.call.ids().token(16)).put("funding", card.funding()).putNull("generated_from")
        .put("last4", card.last4());
    details.putObject("networks").putNull("preferred").putArray("available").add(card.brand());
    details.putObject("three_d_secure_usage").put("supported", true);
    details.putNull("wallet");
    method.put("created", request.now).putNull("customer").put("livemode", false).putObject("metadata");
    method.put("type", "card");
    return method;
  }
}
