package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.spi.Call;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** What a Stripe endpoint works with: the call, its parsed parameters, the namespace's state, the time, ids. */
final class StripeRequest {

  final Call<StripeState> call;
  final Params params;
  final StripeState state;
  final long now;
  final String requestId;
  final Optional<String> idempotencyKey;
  final StripeTwin config;

  StripeRequest(Call<StripeState> call, Params params, String requestId, Optional<String> idempotencyKey, StripeTwin config) {
    this.call = call;
    this.params = params;
    this.state = call.state();
    this.now = call.now().getEpochSecond();
    this.requestId = requestId;
    this.idempotencyKey = idempotencyKey;
    this.config = config;
  }

  String path(String name) {
    return call.param(name);
  }

  /** A new object id in Stripe's shape: {@code cus_} and 14 characters, other prefixes and 24. */
  String newId(String prefix) {
    return call.ids().next(prefix, prefix.equals("cus") ? 14 : 24);
  }

  /** The fields every object starts with. */
  ObjectNode newObject(String prefix, String object) {
    return StripeJson.object().put("id", newId(prefix)).put("object", object);
  }
}
