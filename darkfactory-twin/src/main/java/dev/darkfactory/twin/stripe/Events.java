package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.webhook.Webhook;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events: each state change worth announcing becomes an event object ({@code GET /v1/events}) and is delivered to
 * every enabled webhook endpoint of the namespace that subscribes to its type, signed with the endpoint's secret.
 */
final class Events {

  static final StripeSignature SIGNER = new StripeSignature();
  private static final Map<String, String> WEBHOOK_HEADERS = Map.of("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      "Cache-Control", "no-cache", "Accept", "*/*; q=0.5, application/xml");

  private Events() {}

  static void register(StripeRoutes routes) {
    routes.get("/v1/events/{id}", request -> {
      ObjectNode event = request.state.events.get(request.path("id"));
      if (event == null) {
        throw ApiError.missing("event", request.path("id"), "id");
      }
      return event;
    });
    routes.get("/v1/events", request -> {
      request.params.allowOnly(Params.names("limit", "starting_after", "ending_before", "created", "type", "types",
          "delivery_success"));
      Optional<String> type = request.params.string("type");
      List<String> types = request.params.strings("types");
      return Listing.page(request, "/v1/events", request.state.events, event -> {
        String eventType = event.path("type").asString();
        return type.map(t -> matches(t, eventType)).orElse(true) && (types.isEmpty() || types.contains(eventType));
      }, "event");
    });
  }

  /** {@code charge.*} matches {@code charge.refunded}; anything else must be equal. */
  private static boolean matches(String pattern, String type) {
    return pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
  }

  /** Records an event about {@code object} (as it is now) and sends it to the subscribed endpoints. */
  static void emit(StripeRequest request, String type, ObjectNode object) {
    emit(request, type, object, Optional.empty());
  }

  static void emit(StripeRequest request, String type, ObjectNode object, Optional<ObjectNode> previousAttributes) {
    List<ObjectNode> endpoints = new ArrayList<>();
    for (ObjectNode endpoint : request.state.webhookEndpoints.values()) {
      if (endpoint.path("status").asString().equals("enabled") && subscribes(endpoint, type)) {
        endpoints.add(endpoint);
      }
    }
    ObjectNode event = StripeJson.object().put("id", request.newId("evt")).put("object", "event")
        .put("api_version", request.config.apiVersion()).put("created", request.now);
    ObjectNode data = event.putObject("data");
    data.set("object", object.deepCopy());
    previousAttributes.ifPresent(previous -> data.set("previous_attributes", previous));
    event.put("livemode", false).put("pending_webhooks", endpoints.size());
    ObjectNode origin = event.putObject("request").put("id", request.requestId);
    request.idempotencyKey.ifPresentOrElse(key -> origin.put("idempotency_key", key), () -> origin.putNull("idempotency_key"));
    event.put("type", type);
    request.state.events.put(event.path("id").asString(), event);
    for (ObjectNode endpoint : endpoints) {
      ObjectNode rendered = event;
      JsonNode pinned = endpoint.get("api_version");
      if (pinned != null && pinned.isString()) {
        rendered = event.deepCopy().put("api_version", pinned.asString());
      }
      request.call.webhooks().send(new Webhook(request.call.namespace(), event.path("id").asString(), type,
          URI.create(endpoint.path("url").asString()), StripeJson.bytes(rendered), "application/json; charset=utf-8",
          endpoint.path("secret").asString(), SIGNER, WEBHOOK_HEADERS));
    }
  }

  private static boolean subscribes(ObjectNode endpoint, String type) {
    for (JsonNode enabled : endpoint.path("enabled_events")) {
      if (enabled.asString().equals("*") || enabled.asString().equals(type)) {
        return true;
      }
    }
    return false;
  }
}
