package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.StateReadException;
import dev.darkfactory.twin.spi.StateContext;
import dev.darkfactory.twin.spi.StateModel;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe twin's state as JSON: {@code {"customers": [...], "payment_intents": [...], "charges": [...],
 * "refunds": [...], "payment_methods": [...], "webhook_endpoints": [...], "events": [...]}}, each a list of
 * objects in the API's own form, oldest first. A seed may give only some fields of an object: {@code object},
 * {@code created}, {@code livemode} and {@code metadata} are filled in. Idempotency keys are not part of it.
 */
final class StripeStateModel implements StateModel<StripeState> {

  /** The collections: JSON name, id prefix, object type. */
  private record Collection(String name, String prefix, String object) {}

  private static final List<Collection> COLLECTIONS = List.of(
      new Collection("customers", "cus_", "customer"),
      new Collection("payment_methods", "pm_", "payment_method"),
      new Collection("payment_intents", "pi_", "payment_intent"),
      new Collection("charges", "ch_", "charge"),
      new Collection("refunds", "re_", "refund"),
      new Collection("webhook_endpoints", "we_", "webhook_endpoint"),
      new Collection("events", "evt_", "event"));
  private static final Set<String> NAMES = Set.of("customers", "payment_methods", "payment_intents", "charges", "refunds",
      "webhook_endpoints", "events");

  @Override
  public StripeState create(StateContext context) {
    return new StripeState();
  }

  @Override
  public StripeState read(JsonNode json, StateContext context) {
    if (!json.isObject()) {
      throw new StateReadException("", "expected the Stripe state: an object of customers, payment_intents, charges, refunds,"
          + " payment_methods, webhook_endpoints and events");
    }
    for (String name : json.propertyNames()) {
      if (!NAMES.contains(name)) {
        throw new StateReadException("/" + name, "unknown collection '" + name + "'; expected one of " + String.join(", ",
            COLLECTIONS.stream().map(Collection::name).toList()));
      }
    }
    StripeState state = new StripeState();
    for (Collection collection : COLLECTIONS) {
      JsonNode objects = json.get(collection.name());
      if (objects == null || objects.isNull()) {
        continue;
      }
      if (!objects.isArray()) {
        throw new StateReadException("/" + collection.name(), "expected a list of " + collection.object() + " objects");
      }
      ObjectStore target = target(state, collection.name());
      for (int i = 0; i < objects.size(); i++) {
        String pointer = "/" + collection.name() + "/" + i;
        ObjectNode object = object(objects.get(i), pointer, collection, context.now().getEpochSecond());
        if (target.put(object.path("id").asString(), object) != null) {
          throw new StateReadException(pointer + "/id", "duplicate id '" + object.path("id").asString() + "'");
        }
      }
    }
    return state;
  }

  private static ObjectNode object(JsonNode json, String pointer, Collection collection, long now) {
    if (!json.isObject()) {
      throw new StateReadException(pointer, "expected a " + collection.object() + " object");
    }
    ObjectNode object = ((ObjectNode) json).deepCopy();
    JsonNode id = object.get("id");
    if (id == null || !id.isString() || !id.asString().startsWith(collection.prefix())) {
      throw new StateReadException(pointer + "/id", "expected a " + collection.object() + " id starting with " + collection.prefix());
    }
    JsonNode type = object.get("object");
    if (type != null && !type.asString().equals(collection.object())) {
      throw new StateReadException(pointer + "/object", "expected \"" + collection.object() + "\" in " + collection.name());
    }
    if (collection.object().equals("payment_intent") && object.has("status")
        && PaymentIntentStatus.fromWire(object.path("status").asString()).isEmpty()) {
      throw new StateReadException(pointer + "/status", "expected a PaymentIntent status: " + String.join(", ",
          java.util.Arrays.stream(PaymentIntentStatus.values()).map(PaymentIntentStatus::wire).toList()));
    }
    ObjectNode filled = StripeJson.object().put("id", id.asString()).put("object", collection.object());
    object.properties().forEach(field -> filled.set(field.getKey(), field.getValue()));
    if (!filled.has("created")) {
      filled.put("created", now);
    }
    if (!filled.has("livemode")) {
      filled.put("livemode", false);
    }
    if (!filled.has("metadata") && !collection.object().equals("event")) {
      filled.putObject("metadata");
    }
    return filled;
  }

  @Override
  public JsonNode write(StripeState state) {
    ObjectNode json = StripeJson.object();
    for (Collection collection : COLLECTIONS) {
      ArrayNode list = json.putArray(collection.name());
      target(state, collection.name()).values().forEach(object -> list.add(object.deepCopy()));
    }
    return json;
  }

  private static ObjectStore target(StripeState state, String name) {
    return switch (name) {
      case "customers" -> state.customers;
      case "payment_methods" -> state.paymentMethods;
      case "payment_intents" -> state.paymentIntents;
      case "charges" -> state.charges;
      case "refunds" -> state.refunds;
      case "webhook_endpoints" -> state.webhookEndpoints;
      case "events" -> state.events;
      default -> new ObjectStore();
    };
  }
}
