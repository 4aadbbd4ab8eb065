package dev.darkfactory.twin.stripe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook endpoints: where the twin sends events. The signing secret ({@code whsec_...}) is shown once, when the
 * endpoint is created, as Stripe shows it. URLs the twin will not deliver to (by default anything off loopback)
 * are refused at registration.
 */
final class WebhookEndpoints {

  private static final Set<String> WRITABLE = Set.of("url", "enabled_events", "description", "metadata");
  private static final Pattern EVENT_TYPE = Pattern.compile("\\*|[a-z_]+(\\.[a-z_]+)+");

  private WebhookEndpoints() {}

  static void register(StripeRoutes routes) {
    routes.post("/v1/webhook_endpoints", WebhookEndpoints::create);
    routes.get("/v1/webhook_endpoints", request -> {
      request.params.allowOnly(Set.of("limit", "starting_after", "ending_before"));
      ObjectNode page = Listing.page(request, "/v1/webhook_endpoints", request.state.webhookEndpoints, e -> true,
          "webhook endpoint");
      page.path("data").forEach(endpoint -> ((ObjectNode) endpoint).remove("secret"));
      return page;
    });
    routes.get("/v1/webhook_endpoints/{id}", request -> withoutSecret(retrieve(request)));
    routes.post("/v1/webhook_endpoints/{id}", request -> {
      ObjectNode endpoint = retrieve(request);
      Params params = request.params.allowOnly(Customers.union(WRITABLE, Set.of("disabled")));
      write(request, endpoint, params);
      params.bool("disabled").ifPresent(disabled -> endpoint.put("status", disabled ? "disabled" : "enabled"));
      return withoutSecret(endpoint);
    });
    routes.delete("/v1/webhook_endpoints/{id}", request -> {
      ObjectNode endpoint = retrieve(request);
      request.state.webhookEndpoints.remove(endpoint.path("id").asString());
      return StripeJson.object().put("id", endpoint.path("id").asString()).put("object", "webhook_endpoint").put("deleted", true);
    });
  }

  private static ObjectNode retrieve(StripeRequest request) {
    ObjectNode endpoint = request.state.webhookEndpoints.get(request.path("id"));
    if (endpoint == null) {
      throw ApiError.missing("webhook endpoint", request.path("id"), "id");
    }
    return endpoint;
  }

  private static ObjectNode create(StripeRequest request) {
    Params params = request.params.allowOnly(Customers.union(WRITABLE, Set.of("api_version", "connect")));
    request.params.requireString("url");
    if (!params.has("enabled_events")) {
      throw ApiError.invalid("Missing required param: enabled_events.", "parameter_missing", "enabled_events");
    }
    ObjectNode endpoint = request.newObject("we", "webhook_endpoint");
    endpoint.put("api_version", params.string("api_version").orElse(null)).putNull("application").put("created", request.now)
        .putNull("description").putArray("enabled_events");
    endpoint.put("livemode", false).putObject("metadata");
    endpoint.put("secret", "whsec_" + request.call.ids().token(32)).put("status", "enabled").put("url", "");
    write(request, endpoint, params);
    request.state.webhookEndpoints.put(endpoint.path("id").asString(), endpoint);
    return endpoint;
  }

  private static void write(StripeRequest request, ObjectNode endpoint, Params params) {
    params.string("url").ifPresent(url -> endpoint.put("url", checkUrl(request, url)));
    if (params.has("enabled_events")) {
      List<String> events = params.strings("enabled_events");
      if (events.isEmpty()) {
        throw ApiError.invalid("Missing required param: enabled_events.", "parameter_missing", "enabled_events");
      }
      ArrayNode enabled = endpoint.putArray("enabled_events");
      for (int i = 0; i < events.size(); i++) {
        if (!EVENT_TYPE.matcher(events.get(i)).matches()) {
          throw ApiError.invalid("Invalid enabled_events[" + i + "]: must be '*' or an event type such as charge.succeeded, not '"
              + events.get(i) + "'", null, "enabled_events[" + i + "]");
        }
        enabled.add(events.get(i));
      }
    }
    if (params.unsets("description")) {
      endpoint.putNull("description");
    } else {
      params.string("description").ifPresent(description -> endpoint.put("description", description));
    }
    params.applyMetadata(endpoint);
  }

  private static String checkUrl(StripeRequest request, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiError.invalid("Invalid URL: " + url, "url_invalid", "url");
    }
    Optional<String> refusal = request.call.webhooks().refusal(uri);
    if (refusal.isPresent()) {
      throw ApiError.invalid("Invalid URL: " + url + " (" + refusal.get() + ")", "url_invalid", "url");
    }
    return url;
  }

  private static ObjectNode withoutSecret(ObjectNode endpoint) {
    ObjectNode copy = endpoint.deepCopy();
    copy.remove("secret");
    return copy;
  }
}
