package dev.darkfactory.twin.stripe;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One namespace (one API key) of the Stripe twin. Objects are kept in their API form (what the API returns), in
 * creation order, so a snapshot is real Stripe JSON and real Stripe JSON can seed it. Accessed only under the
 * namespace's lock (the runtime's guarantee), hence plain maps.
 */
public final class StripeState {

  final ObjectStore customers = new ObjectStore();
  final ObjectStore paymentIntents = new ObjectStore();
  final ObjectStore charges = new ObjectStore();
  final ObjectStore refunds = new ObjectStore();
  final ObjectStore paymentMethods = new ObjectStore();
  final ObjectStore webhookEndpoints = new ObjectStore();
  final ObjectStore events = new ObjectStore();
  final Map<String, IdempotentResult> idempotency = new HashMap<>();

  /** The collection an id belongs to, by its prefix ({@code cus_}, {@code pi_}, ...). */
  Optional<Map<String, ObjectNode>> collectionOf(String id) {
    int underscore = id.indexOf('_');
    String prefix = underscore < 0 ? "" : id.substring(0, underscore);
    return Optional.ofNullable(switch (prefix) {
      case "cus" -> customers;
      case "pi" -> paymentIntents;
      case "ch", "py" -> charges;
      case "re" -> refunds;
      case "pm" -> paymentMethods;
      case "we" -> webhookEndpoints;
      case "evt" -> events;
      default -> null;
    });
  }

  /** Any object of this namespace by id. */
  Optional<ObjectNode> find(String id) {
    return collectionOf(id).map(collection -> collection.get(id));
  }
}
