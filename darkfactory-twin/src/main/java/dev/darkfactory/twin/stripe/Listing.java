package dev.darkfactory.twin.stripe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedCollection;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's list endpoints: newest first, {@code limit} (1-100, default 10), cursors {@code starting_after} and
 * {@code ending_before}, the {@code created} filter, and the list object ({@code object: "list"}, {@code data},
 * {@code has_more}, {@code url}).
 */
final class Listing {

  private Listing() {}

  static ObjectNode page(StripeRequest request, String url, ObjectStore objects, Predicate<ObjectNode> filter, String what) {
    Params params = request.params;
    long limit = params.integer("limit").orElse(10L);
    if (limit < 1) {
      throw ApiError.invalid("This value must be greater than or equal to 1.", null, "limit");
    }
    if (limit > 100) {
      throw ApiError.invalid("This value must be less than or equal to 100.", null, "limit");
    }
    Optional<String> after = params.string("starting_after");
    Optional<String> before = params.string("ending_before");
    if (after.isPresent() && before.isPresent()) {
      throw ApiError.invalid("You may only specify one of these parameters: ending_before, starting_after.", null, "ending_before");
    }
    Predicate<ObjectNode> matches = filter.and(createdFilter(params));
    SequencedCollection<ObjectNode> newestFirst = objects.inCreatedOrder() ? objects.sequencedValues().reversed() : sorted(objects);
    List<ObjectNode> page = new ArrayList<>();
    boolean hasMore;
    if (before.isPresent()) {
      ArrayDeque<ObjectNode> window = new ArrayDeque<>();
      boolean found = false;
      int earlier = 0;
      for (ObjectNode object : newestFirst) {
        if (object.path("id").asString().equals(before.get())) {
          found = true;
          break;
        }
        if (matches.test(object)) {
          earlier++;
          window.addLast(object);
          if (window.size() > limit) {
            window.removeFirst();
          }
        }
      }
      if (!found) {
        throw ApiError.missingParam(what, before.get(), "ending_before");
      }
      page.addAll(window);
      hasMore = earlier > limit;
    } else {
      boolean started = after.isEmpty();
      hasMore = false;
      for (ObjectNode object : newestFirst) {
        if (!started) {
          started = object.path("id").asString().equals(after.get());
          continue;
        }
        if (matches.test(object)) {
          if (page.size() == limit) {
            hasMore = true;
            break;
          }
          page.add(object);
        }
      }
      if (!started) {
        throw ApiError.missingParam(what, after.get(), "starting_after");
      }
    }
    ObjectNode list = StripeJson.object().put("object", "list");
    ArrayNode data = list.putArray("data");
    page.forEach(data::add);
    list.put("has_more", hasMore).put("url", url);
    return list;
  }

  /** Newest first by {@code created}, ties newest-inserted first: for stores not in created order. */
  private static List<ObjectNode> sorted(ObjectStore objects) {
    List<ObjectNode> newestFirst = new ArrayList<>(objects.sequencedValues().reversed());
    newestFirst.sort(Comparator.comparingLong((ObjectNode o) -> o.path("created").asLong()).reversed());
    return newestFirst;
  }

  private static Predicate<ObjectNode> createdFilter(Params params) {
    if (!params.has("created")) {
      return object -> true;
    }
    Optional<ObjectNode> range = params.tree().get("created").isObject() ? params.hash("created") : Optional.empty();
    if (range.isEmpty()) {
      long exact = params.integer("created").orElseThrow();
      return object -> object.path("created").asLong() == exact;
    }
    Predicate<ObjectNode> predicate = object -> true;
    for (Map.Entry<String, JsonNode> bound : range.get().properties()) {
      long value;
      try {
        value = Long.parseLong(bound.getValue().asString());
      } catch (NumberFormatException e) {
        throw ApiError.invalid("Invalid integer: " + bound.getValue().asString(), "parameter_invalid_integer",
            "created[" + bound.getKey() + "]");
      }
      Predicate<Long> check = switch (bound.getKey()) {
        case "gt" -> created -> created > value;
        case "gte" -> created -> created >= value;
        case "lt" -> created -> created < value;
        case "lte" -> created -> created <= value;
        default -> throw ApiError.invalid("Received unknown parameter: created[" + bound.getKey() + "]", "parameter_unknown",
            "created[" + bound.getKey() + "]");
      };
      predicate = predicate.and(object -> check.test(object.path("created").asLong()));
    }
    return predicate;
  }

  /** Objects whose string field equals the parameter's value, when the parameter is given. */
  static Predicate<ObjectNode> fieldEquals(Params params, String param, String field) {
    Optional<String> wanted = params.string(param);
    return object -> wanted.map(value -> value.equals(object.path(field).asString(null))).orElse(true);
  }
}
