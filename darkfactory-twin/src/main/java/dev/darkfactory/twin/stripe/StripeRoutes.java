package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.spi.Call;
import dev.darkfactory.twin.spi.RouteTable;
import dev.darkfactory.twin.spi.TwinResponse;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe twin's routes and what every endpoint shares: parameters from the form body or query, idempotency
 * keys on POST, {@link ApiError}s turned into Stripe's error body, {@code expand[]}, and the response headers
 * ({@code Request-Id}, {@code Stripe-Version}, {@code Idempotency-Key}).
 */
final class StripeRoutes {

  private final StripeTwin config;
  private final RouteTable.Builder<StripeState> table = RouteTable.newBuilder();

  private StripeRoutes(StripeTwin config) {
    this.config = config;
  }

  static RouteTable<StripeState> table(StripeTwin config) {
    StripeRoutes routes = new StripeRoutes(config);
    Customers.register(routes);
    PaymentMethods.register(routes);
    PaymentIntents.register(routes);
    Charges.register(routes);
    Refunds.register(routes);
    WebhookEndpoints.register(routes);
    Events.register(routes);
    return routes.table.build();
  }

  void get(String pattern, StripeHandler handler) {
    table.get(pattern, call -> serve(call, handler, false));
  }

  void post(String pattern, StripeHandler handler) {
    table.post(pattern, call -> serve(call, handler, true));
  }

  void delete(String pattern, StripeHandler handler) {
    table.delete(pattern, call -> serve(call, handler, false));
  }

  private TwinResponse serve(Call<StripeState> call, StripeHandler handler, boolean post) {
    String requestId = call.ids().next("req", 14);
    Optional<String> key = post ? call.request().header("idempotency-key").map(String::trim).filter(k -> !k.isEmpty())
        : Optional.empty();
    TwinResponse response;
    try {
      Params params = Params.parse(post ? call.request().bodyText() : call.request().rawQuery());
      if (key.isPresent()) {
        Optional<TwinResponse> replay = Idempotency.replay(call, key.get(), params, requestId);
        if (replay.isPresent()) {
          return headers(replay.get(), call, requestId, key);
        }
      }
      StripeRequest request = new StripeRequest(call, params, requestId, key, config);
      ObjectNode result = Expansion.apply(handler.handle(request), params.expand(), call.state());
      TwinResponse ok = TwinResponse.json(200, StripeJson.bytes(result));
      key.ifPresent(k -> Idempotency.remember(call, k, params, ok, requestId));
      response = ok;
    } catch (ApiError error) {
      response = TwinResponse.json(error.status, StripeJson.bytes(StripeJson.object().set("error", error.errorObject())));
      if (error.saved && key.isPresent()) {
        Idempotency.remember(call, key.get(), Params.parse(call.request().bodyText()), response, requestId);
      }
    }
    return headers(response, call, requestId, key);
  }

  private TwinResponse headers(TwinResponse response, Call<StripeState> call, String requestId, Optional<String> key) {
    TwinResponse withHeaders = response.withHeader("Request-Id", requestId)
        .withHeader("Stripe-Version", call.request().header("stripe-version").orElse(config.apiVersion()));
    return key.map(k -> withHeaders.withHeader("Idempotency-Key", k)).orElse(withHeaders);
  }
}
