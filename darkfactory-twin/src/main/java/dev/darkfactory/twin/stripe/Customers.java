package dev.darkfactory.twin.stripe;

import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** Customers: create, retrieve (a deleted one as its stub), update, delete, list (by email, created). */
final class Customers {

  private static final Set<String> WRITABLE = Set.of("address", "balance", "description", "email", "metadata", "name", "phone",
      "preferred_locales", "shipping", "tax_exempt", "invoice_prefix", "invoice_settings", "next_invoice_sequence");
  private static final Set<String> CREATE = union(WRITABLE, Set.of("payment_method", "source", "tax", "tax_id_data", "test_clock",
      "cash_balance", "coupon", "promotion_code", "validate"));
  private static final Set<String> UPDATE = union(WRITABLE, Set.of("default_source", "source", "tax", "cash_balance", "coupon",
      "promotion_code", "validate"));
  private static final java.util.List<String> TAX_EXEMPT = java.util.List.of("exempt", "none", "reverse");

  private Customers() {}

  static void register(StripeRoutes routes) {
    routes.post("/v1/customers", Customers::create);
    routes.get("/v1/customers", Customers::list);
    routes.get("/v1/customers/{id}", request -> retrieve(request, request.path("id"), true));
    routes.post("/v1/customers/{id}", Customers::update);
    routes.delete("/v1/customers/{id}", Customers::delete);
  }

  private static ObjectNode create(StripeRequest request) {
    Params params = request.params.allowOnly(CREATE);
    ObjectNode customer = request.newObject("cus", "customer");
    customer.putNull("address").put("balance", 0).put("created", request.now).putNull("currency").putNull("default_source")
        .put("delinquent", false).putNull("description").putNull("discount").putNull("email")
        .put("invoice_prefix", request.call.ids().token(8).toUpperCase(java.util.Locale.ROOT));
    customer.putObject("invoice_settings").putNull("custom_fields").putNull("default_payment_method").putNull("footer")
        .putNull("rendering_options");
    customer.put("livemode", false).putObject("metadata");
    customer.putNull("name").put("next_invoice_sequence", 1).putNull("phone").putArray("preferred_locales");
    customer.putNull("shipping").put("tax_exempt", "none").putNull("test_clock");
    write(customer, params);
    params.string("payment_method").ifPresent(pm -> PaymentMethods.attach(request, pm, customer.path("id").asString(),
        "payment_method"));
    request.state.customers.put(customer.path("id").asString(), customer);
    Events.emit(request, "customer.created", customer);
    return customer;
  }

  private static ObjectNode update(StripeRequest request) {
    ObjectNode customer = retrieve(request, request.path("id"), false);
    Params params = request.params.allowOnly(UPDATE);
    ObjectNode before = customer.deepCopy();
    write(customer, params);
    Events.emit(request, "customer.updated", customer, Optional.of(changed(before, customer)));
    return customer;
  }

  private static ObjectNode delete(StripeRequest request) {
    ObjectNode customer = retrieve(request, request.path("id"), false);
    request.params.allowOnly(Set.of());
    ObjectNode stub = StripeJson.object().put("id", customer.path("id").asString()).put("object", "customer").put("deleted", true);
    request.state.customers.put(customer.path("id").asString(), stub);
    Events.emit(request, "customer.deleted", customer);
    return stub;
  }

  private static ObjectNode list(StripeRequest request) {
    Params params = request.params.allowOnly(Set.of("limit", "starting_after", "ending_before", "created", "email", "test_clock"));
    java.util.function.Predicate<ObjectNode> live = customer -> !customer.path("deleted").asBoolean(false);
    return Listing.page(request, "/v1/customers", request.state.customers,
        live.and(Listing.fieldEquals(params, "email", "email")), "customer");
  }

  /** The customer, or Stripe's 404; a deleted customer is found (as its stub) only when {@code deletedOk}. */
  static ObjectNode retrieve(StripeRequest request, String id, boolean deletedOk) {
    ObjectNode customer = request.state.customers.get(id);
    if (customer == null || (!deletedOk && customer.path("deleted").asBoolean(false))) {
      throw ApiError.missing("customer", id, "id");
    }
    return customer;
  }

  /** A customer named in a parameter ({@code customer=cus_...}): 400 when it does not exist or was deleted. */
  static String referenced(StripeRequest request, String param) {
    String id = request.params.requireString(param);
    ObjectNode customer = request.state.customers.get(id);
    if (customer == null || customer.path("deleted").asBoolean(false)) {
      throw ApiError.missingParam("customer", id, param);
    }
    return id;
  }

  private static void write(ObjectNode customer, Params params) {
    for (String field : java.util.List.of("description", "email", "name", "phone", "invoice_prefix")) {
      if (params.unsets(field)) {
        customer.putNull(field);
      } else {
        params.string(field).ifPresent(value -> customer.put(field, value));
      }
    }
    params.integer("balance").ifPresent(balance -> customer.put("balance", balance));
    params.integer("next_invoice_sequence").ifPresent(next -> customer.put("next_invoice_sequence", next));
    params.oneOf("tax_exempt", TAX_EXEMPT).ifPresent(exempt -> customer.put("tax_exempt", exempt));
    for (String field : java.util.List.of("address", "shipping")) {
      if (params.unsets(field)) {
        customer.putNull(field);
      } else {
        params.hash(field).ifPresent(value -> customer.set(field, value.deepCopy()));
      }
    }
    if (params.has("preferred_locales")) {
      tools.jackson.databind.node.ArrayNode locales = customer.putArray("preferred_locales");
      params.strings("preferred_locales").forEach(locales::add);
    }
    params.hash("invoice_settings").ifPresent(settings -> settings.properties().forEach(field ->
        ((ObjectNode) customer.get("invoice_settings")).set(field.getKey(), field.getValue())));
    params.applyMetadata(customer);
  }

  /** The fields whose values changed, with their old values: an event's {@code previous_attributes}. */
  static ObjectNode changed(ObjectNode before, ObjectNode after) {
    ObjectNode previous = StripeJson.object();
    before.properties().forEach(field -> {
      if (!field.getValue().equals(after.get(field.getKey()))) {
        previous.set(field.getKey(), field.getValue());
      }
    });
    return previous;
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
