package dev.darkfactory.twin.stripe;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PaymentIntents with Stripe's state machine: created in {@code requires_payment_method} or
 * {@code requires_confirmation}; confirmed into {@code succeeded}, {@code requires_capture} (manual capture),
 * {@code requires_action} (3-D Secure cards) or back to {@code requires_payment_method} with
 * {@code last_payment_error} (a declined card: a 402 {@code card_error}); captured (in full or in part) and
 * canceled; each transition checked and announced as Stripe announces it.
 */
final class PaymentIntents {

  private static final Set<String> CREATE = Set.of("amount", "currency", "customer", "description", "metadata", "payment_method",
      "payment_method_types", "automatic_payment_methods", "capture_method", "confirm", "confirmation_method", "receipt_email",
      "return_url", "setup_future_usage", "shipping", "statement_descriptor", "statement_descriptor_suffix", "off_session",
      "error_on_requires_action", "transfer_group", "on_behalf_of", "application_fee_amount", "transfer_data",
      "payment_method_options", "payment_method_data", "mandate_data", "use_stripe_sdk", "radar_options",
      "payment_method_configuration", "excluded_payment_method_types", "confirmation_token");
  private static final Set<String> CONFIRM = Set.of("payment_method", "return_url", "receipt_email", "setup_future_usage",
      "shipping", "off_session", "error_on_requires_action", "mandate_data", "payment_method_options", "payment_method_types",
      "payment_method_data", "capture_method", "use_stripe_sdk", "radar_options", "confirmation_token", "client_secret");
  private static final Set<String> UPDATE = Set.of("amount", "currency", "customer", "description", "metadata", "payment_method",
      "receipt_email", "setup_future_usage", "shipping", "statement_descriptor", "statement_descriptor_suffix", "capture_method",
      "payment_method_types", "application_fee_amount", "transfer_group", "payment_method_options", "payment_method_data",
      "transfer_data", "excluded_payment_method_types");
  private static final Set<String> ANY_TIME = Set.of("description", "metadata", "receipt_email", "shipping");
  private static final List<String> CAPTURE_METHODS = List.of("automatic", "automatic_async", "manual");

  private PaymentIntents() {}

  static void register(StripeRoutes routes) {
    routes.post("/v1/payment_intents", PaymentIntents::create);
    routes.get("/v1/payment_intents", request -> {
      Params params = request.params.allowOnly(Set.of("limit", "starting_after", "ending_before", "created", "customer"));
      return Listing.page(request, "/v1/payment_intents", request.state.paymentIntents,
          Listing.fieldEquals(params, "customer", "customer"), "payment_intent");
    });
    routes.get("/v1/payment_intents/{id}", request -> {
      request.params.allowOnly(Set.of("client_secret"));
      return retrieve(request);
    });
    routes.post("/v1/payment_intents/{id}", PaymentIntents::update);
    routes.post("/v1/payment_intents/{id}/confirm", request -> {
      request.params.allowOnly(CONFIRM);
      return confirm(request, retrieve(request));
    });
    routes.post("/v1/payment_intents/{id}/capture", PaymentIntents::capture);
    routes.post("/v1/payment_intents/{id}/cancel", PaymentIntents::cancel);
  }

  private static ObjectNode retrieve(StripeRequest request) {
    ObjectNode intent = request.state.paymentIntents.get(request.path("id"));
    if (intent == null) {
      throw ApiError.missing("payment_intent", request.path("id"), "intent");
    }
    return intent;
  }

  private static ObjectNode create(StripeRequest request) {
    Params params = request.params.allowOnly(CREATE);
    String currency = Money.currency(params);
    long amount = Money.amount(params.requireInteger("amount"), currency, "amount");
    Optional<String> customer = params.has("customer") ? Optional.of(Customers.referenced(request, "customer")) : Optional.empty();
    List<String> types = params.strings("payment_method_types");
    Optional<ObjectNode> automatic = params.hash("automatic_payment_methods");
    if (!types.isEmpty() && automatic.map(a -> a.path("enabled").asString("").equals("true")).orElse(false)) {
      throw ApiError.invalid("You may only specify one of these parameters: automatic_payment_methods, payment_method_types.", null,
          "automatic_payment_methods");
    }
    ObjectNode intent = request.newObject("pi", "payment_intent").put("amount", amount).put("amount_capturable", 0);
    intent.putObject("amount_details").putObject("tip");
    intent.put("amount_received", 0).putNull("application").putNull("application_fee_amount");
    if (types.isEmpty()) {
      String redirects = automatic.map(a -> a.path("allow_redirects").asString("always")).orElse("always");
      intent.putObject("automatic_payment_methods").put("allow_redirects", redirects).put("enabled", true);
    } else {
      intent.putNull("automatic_payment_methods");
    }
    intent.putNull("canceled_at").putNull("cancellation_reason")
        .put("capture_method", params.oneOf("capture_method", CAPTURE_METHODS).orElse("automatic_async"))
        .put("client_secret", intent.path("id").asString() + "_secret_" + request.call.ids().token(25))
        .put("confirmation_method", params.oneOf("confirmation_method", List.of("automatic", "manual")).orElse("automatic"))
        .put("created", request.now).put("currency", currency);
    customer.ifPresentOrElse(c -> intent.put("customer", c), () -> intent.putNull("customer"));
    intent.put("description", params.string("description").orElse(null)).putNull("excluded_payment_method_types")
        .putNull("last_payment_error").putNull("latest_charge").put("livemode", false).putObject("metadata");
    intent.putNull("next_action").putNull("on_behalf_of").putNull("payment_method").putNull("payment_method_configuration_details");
    intent.putObject("payment_method_options").putObject("card").putNull("installments").putNull("mandate_options")
        .putNull("network").put("request_three_d_secure", "automatic");
    ArrayNode methodTypes = intent.putArray("payment_method_types");
    (types.isEmpty() ? List.of("card") : types).forEach(methodTypes::add);
    intent.putNull("processing").put("receipt_email", params.string("receipt_email").orElse(null)).putNull("review")
        .put("setup_future_usage", params.string("setup_future_usage").orElse(null));
    params.hash("shipping").ifPresentOrElse(s -> intent.set("shipping", s.deepCopy()), () -> intent.putNull("shipping"));
    intent.putNull("source").put("statement_descriptor", params.string("statement_descriptor").orElse(null))
        .put("statement_descriptor_suffix", params.string("statement_descriptor_suffix").orElse(null))
        .put("status", PaymentIntentStatus.REQUIRES_PAYMENT_METHOD.wire()).putNull("transfer_data")
        .put("transfer_group", params.string("transfer_group").orElse(null));
    params.applyMetadata(intent);
    params.string("payment_method").ifPresent(id -> setPaymentMethod(request, intent, id));
    request.state.paymentIntents.put(intent.path("id").asString(), intent);
    Events.emit(request, "payment_intent.created", intent);
    if (params.bool("confirm").orElse(false)) {
      return confirm(request, intent);
    }
    return intent;
  }

  private static void setPaymentMethod(StripeRequest request, ObjectNode intent, String id) {
    ObjectNode method = PaymentMethods.resolve(request, id, "payment_method", false);
    intent.put("payment_method", method.path("id").asString());
    if (status(intent) == PaymentIntentStatus.REQUIRES_PAYMENT_METHOD) {
      intent.put("status", PaymentIntentStatus.REQUIRES_CONFIRMATION.wire());
    }
  }

  static PaymentIntentStatus status(ObjectNode intent) {
    return PaymentIntentStatus.fromWire(intent.path("status").asString()).orElse(PaymentIntentStatus.REQUIRES_PAYMENT_METHOD);
  }

  private static ObjectNode confirm(StripeRequest request, ObjectNode intent) {
    Params params = request.params;
    PaymentIntentStatus status = status(intent);
    if (!PaymentIntentStatus.CONFIRMABLE.contains(status)) {
      String message = status == PaymentIntentStatus.SUCCEEDED
          ? "You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed."
          : "You cannot confirm this PaymentIntent because it has a status of " + status.wire() + ". Only a PaymentIntent with one of"
              + " the following statuses may be confirmed: " + PaymentIntentStatus.list(PaymentIntentStatus.CONFIRMABLE) + ".";
      throw ApiError.state(message, "payment_intent_unexpected_state", null);
    }
    params.oneOf("capture_method", CAPTURE_METHODS).ifPresent(method -> intent.put("capture_method", method));
    params.string("receipt_email").ifPresent(email -> intent.put("receipt_email", email));
    params.string("payment_method").ifPresent(id -> setPaymentMethod(request, intent, id));
    if (intent.path("payment_method").isNull()) {
      throw ApiError.state("You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the"
          + " PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
          "payment_intent_unexpected_state", null);
    }
    ObjectNode automatic = intent.path("automatic_payment_methods") instanceof ObjectNode a ? a : null;
    if (automatic != null && automatic.path("enabled").asBoolean() && !automatic.path("allow_redirects").asString().equals("never")
        && params.string("return_url").isEmpty()) {
      throw ApiError.state("This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because some of"
          + " these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't"
          + " want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and"
          + " `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.", null,
          "return_url");
    }
    ObjectNode method = PaymentMethods.resolve(request, intent.path("payment_method").asString(), "payment_method", false);
    TestCard card = PaymentMethods.card(method);
    if (card.outcome() instanceof TestCard.Outcome.RequiresAction) {
      boolean offSession = params.bool("off_session").orElse(false) || params.bool("error_on_requires_action").orElse(false);
      if (!offSession) {
        intent.put("status", PaymentIntentStatus.REQUIRES_ACTION.wire());
        ObjectNode action = intent.putObject("next_action").put("type", "use_stripe_sdk");
        action.putObject("use_stripe_sdk").put("type", "three_d_secure_redirect").put("stripe_js", "")
            .put("source", request.newId("src"));
        Events.emit(request, "payment_intent.requires_action", intent);
        return intent;
      }
      return decline(request, intent, method, Charges.charge(request, intent.path("amount").asLong(),
          intent.path("currency").asString(), customer(intent), method, Optional.of(intent.path("id").asString()), false,
          description(intent)).charge(), new TestCard.Outcome.Declined("authentication_required", "authentication_required",
              "Your card was declined. This transaction requires authentication.", Optional.empty()));
    }
    boolean manual = intent.path("capture_method").asString().equals("manual");
    Charges.Attempt attempt = Charges.charge(request, intent.path("amount").asLong(), intent.path("currency").asString(),
        customer(intent), method, Optional.of(intent.path("id").asString()), !manual, description(intent));
    intent.put("latest_charge", attempt.charge().path("id").asString()).putNull("next_action");
    if (attempt.declined().isPresent()) {
      return decline(request, intent, method, attempt.charge(), attempt.declined().get());
    }
    intent.putNull("last_payment_error");
    if (manual) {
      intent.put("status", PaymentIntentStatus.REQUIRES_CAPTURE.wire()).put("amount_capturable", intent.path("amount").asLong());
      Events.emit(request, "payment_intent.amount_capturable_updated", intent);
    } else {
      intent.put("status", PaymentIntentStatus.SUCCEEDED.wire()).put("amount_received", intent.path("amount").asLong());
      Events.emit(request, "payment_intent.succeeded", intent);
    }
    return intent;
  }

  /** A declined confirmation: the intent goes back to requires_payment_method, and the client gets Stripe's 402. */
  private static ObjectNode decline(StripeRequest request, ObjectNode intent, ObjectNode method, ObjectNode charge,
      TestCard.Outcome.Declined declined) {
    ObjectNode lastError = StripeJson.object().put("charge", charge.path("id").asString()).put("code", declined.code())
        .put("decline_code", declined.declineCode())
        .put("doc_url", "https://stripe.com/docs/error-codes/" + declined.code().replace('_', '-'))
        .put("message", declined.message());
    declined.param().ifPresent(param -> lastError.put("param", param));
    lastError.set("payment_method", method.deepCopy());
    lastError.put("type", "card_error");
    intent.set("last_payment_error", lastError);
    intent.put("latest_charge", charge.path("id").asString()).putNull("next_action").putNull("payment_method")
        .put("status", PaymentIntentStatus.REQUIRES_PAYMENT_METHOD.wire());
    Events.emit(request, "payment_intent.payment_failed", intent);
    ObjectNode extra = StripeJson.object();
    extra.set("payment_intent", intent.deepCopy());
    extra.set("payment_method", method.deepCopy());
    throw Charges.declineError(declined, charge, extra);
  }

  private static ObjectNode capture(StripeRequest request) {
    ObjectNode intent = retrieve(request);
    Params params = request.params.allowOnly(Set.of("amount_to_capture", "application_fee_amount", "metadata", "statement_descriptor",
        "statement_descriptor_suffix", "final_capture", "transfer_data"));
    PaymentIntentStatus status = status(intent);
    if (status != PaymentIntentStatus.REQUIRES_CAPTURE) {
      throw ApiError.state("This PaymentIntent could not be captured because it has a status of " + status.wire() + ". Only a"
          + " PaymentIntent with one of the following statuses may be captured: requires_capture.",
          "payment_intent_unexpected_state", null);
    }
    long capturable = intent.path("amount_capturable").asLong();
    long amount = params.integer("amount_to_capture").orElse(capturable);
    if (amount < 1) {
      throw ApiError.invalid("This value must be greater than or equal to 1.", null, "amount_to_capture");
    }
    if (amount > capturable) {
      throw ApiError.state("The amount to capture (" + Money.format(amount, intent.path("currency").asString()) + ") must be less than"
          + " or equal to the amount capturable (" + Money.format(capturable, intent.path("currency").asString()) + ").",
          "amount_too_large", "amount_to_capture");
    }
    ObjectNode charge = Charges.retrieve(request, intent.path("latest_charge").asString());
    Charges.capture(request, charge, amount);
    params.applyMetadata(intent);
    intent.put("amount_capturable", 0).put("amount_received", amount).put("status", PaymentIntentStatus.SUCCEEDED.wire());
    Events.emit(request, "payment_intent.succeeded", intent);
    return intent;
  }

  private static ObjectNode cancel(StripeRequest request) {
    ObjectNode intent = retrieve(request);
    Params params = request.params.allowOnly(Set.of("cancellation_reason"));
    Optional<String> reason = params.oneOf("cancellation_reason", List.of("duplicate", "fraudulent", "requested_by_customer",
        "abandoned"));
    PaymentIntentStatus status = status(intent);
    if (!PaymentIntentStatus.CANCELABLE.contains(status)) {
      throw ApiError.state("You cannot cancel this PaymentIntent because it has a status of " + status.wire() + ". Only a"
          + " PaymentIntent with one of the following statuses may be canceled: "
          + PaymentIntentStatus.list(PaymentIntentStatus.CANCELABLE) + ".", "payment_intent_unexpected_state", null);
    }
    if (status == PaymentIntentStatus.REQUIRES_CAPTURE) {
      ObjectNode charge = Charges.retrieve(request, intent.path("latest_charge").asString());
      charge.put("amount_refunded", charge.path("amount").asLong()).put("refunded", true);
    }
    intent.put("amount_capturable", 0).put("canceled_at", request.now)
        .put("cancellation_reason", reason.orElse(null)).putNull("next_action")
        .put("status", PaymentIntentStatus.CANCELED.wire());
    Events.emit(request, "payment_intent.canceled", intent);
    return intent;
  }

  private static ObjectNode update(StripeRequest request) {
    ObjectNode intent = retrieve(request);
    Params params = request.params.allowOnly(UPDATE);
    PaymentIntentStatus status = status(intent);
    if (!PaymentIntentStatus.UPDATABLE.contains(status)) {
      for (String name : params.tree().propertyNames()) {
        if (!ANY_TIME.contains(name) && !name.equals("expand")) {
          throw ApiError.state("This PaymentIntent's " + name + " could not be updated because it has a status of " + status.wire()
              + ". You may only update the " + name + " of a PaymentIntent with one of the following statuses: "
              + PaymentIntentStatus.list(PaymentIntentStatus.UPDATABLE) + ".", "payment_intent_unexpected_state", name);
        }
      }
    }
    String currency = params.has("currency") ? Money.currency(params) : intent.path("currency").asString();
    intent.put("currency", currency);
    params.integer("amount").ifPresent(amount -> intent.put("amount", Money.amount(amount, currency, "amount")));
    if (params.has("customer")) {
      intent.put("customer", Customers.referenced(request, "customer"));
    }
    for (String field : List.of("description", "receipt_email", "statement_descriptor", "statement_descriptor_suffix",
        "setup_future_usage", "transfer_group")) {
      if (params.unsets(field)) {
        intent.putNull(field);
      } else {
        params.string(field).ifPresent(value -> intent.put(field, value));
      }
    }
    params.oneOf("capture_method", CAPTURE_METHODS).ifPresent(method -> intent.put("capture_method", method));
    params.hash("shipping").ifPresent(shipping -> intent.set("shipping", shipping.deepCopy()));
    if (params.has("payment_method_types")) {
      ArrayNode types = intent.putArray("payment_method_types");
      params.strings("payment_method_types").forEach(types::add);
    }
    params.string("payment_method").ifPresent(id -> setPaymentMethod(request, intent, id));
    params.applyMetadata(intent);
    return intent;
  }

  private static Optional<String> customer(ObjectNode intent) {
    return Optional.ofNullable(intent.path("customer").asString(null));
  }

  private static Optional<String> description(ObjectNode intent) {
    return Optional.ofNullable(intent.path("description").asString(null));
  }
}
