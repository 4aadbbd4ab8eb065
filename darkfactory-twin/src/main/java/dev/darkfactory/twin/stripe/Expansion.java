package dev.darkfactory.twin.stripe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code expand[]}: replaces an id field with the object it names ({@code latest_charge}, {@code customer}),
 * nested with dots ({@code latest_charge.customer}), in lists as {@code data.customer}. Fields Stripe does not
 * expand are refused as Stripe refuses them.
 */
final class Expansion {

  private static final Map<String, Set<String>> EXPANDABLE = Map.of(
      "payment_intent", Set.of("customer", "latest_charge", "payment_method"),
      "charge", Set.of("customer", "payment_intent", "refunds", "balance_transaction"),
      "refund", Set.of("charge", "payment_intent", "balance_transaction"),
      "customer", Set.of("default_source"),
      "payment_method", Set.of("customer"),
      "list", Set.of("data"));

  private Expansion() {}

  /** A copy of {@code object} with the expansions applied (stored objects are never changed). */
  static ObjectNode apply(ObjectNode object, List<String> paths, StripeState state) {
    if (paths.isEmpty()) {
      return object;
    }
    ObjectNode copy = object.deepCopy();
    for (String path : paths) {
      expand(copy, List.of(path.split("\\.")), path, state);
    }
    return copy;
  }

  private static void expand(ObjectNode object, List<String> path, String whole, StripeState state) {
    String kind = object.path("object").asString("");
    String field = path.get(0);
    if (!EXPANDABLE.getOrDefault(kind, Set.of()).contains(field)) {
      throw ApiError.invalid("This property cannot be expanded (" + whole + ").", null, "expand");
    }
    List<String> rest = path.subList(1, path.size());
    if (kind.equals("list")) {
      if (rest.isEmpty()) {
        throw ApiError.invalid("This property cannot be expanded (" + whole + ").", null, "expand");
      }
      for (JsonNode element : object.path("data")) {
        expand((ObjectNode) element, rest, whole, state);
      }
      return;
    }
    if (kind.equals("charge") && field.equals("refunds")) {
      object.set("refunds", refundsOf(object.path("id").asString(), state));
      return;
    }
    JsonNode value = object.get(field);
    if (value != null && value.isString()) {
      state.find(value.asString()).ifPresent(found -> object.set(field, found.deepCopy()));
    }
    JsonNode expanded = object.get(field);
    if (!rest.isEmpty() && expanded instanceof ObjectNode nested) {
      expand(nested, rest, whole, state);
    }
  }

  /** A charge's refunds as the list object Stripe puts under {@code refunds} when asked. */
  static ObjectNode refundsOf(String chargeId, StripeState state) {
    ObjectNode list = StripeJson.object().put("object", "list");
    ArrayNode data = list.putArray("data");
    List<ObjectNode> refunds = state.refunds.values().stream().filter(r -> chargeId.equals(r.path("charge").asString(null))).toList();
    for (int i = refunds.size() - 1; i >= 0; i--) {
      data.add(refunds.get(i).deepCopy());
    }
    list.put("has_more", false).put("total_count", refunds.size()).put("url", "/v1/charges/" + chargeId + "/refunds");
    return list;
  }
}
