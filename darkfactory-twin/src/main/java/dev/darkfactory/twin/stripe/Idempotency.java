package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.spi.Call;
import dev.darkfactory.twin.spi.TwinResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency keys as Stripe keeps them: per API key, for 24 hours (of the twin's clock). A replay with the same
 * endpoint and parameters gets the first response again, marked {@code Idempotent-Replayed: true} and
 * {@code Original-Request}; a different endpoint or different parameters get Stripe's {@code idempotency_error}.
 */
final class Idempotency {

  static final Duration RETENTION = Duration.ofHours(24);

  private Idempotency() {}

  static Optional<TwinResponse> replay(Call<StripeState> call, String key, Params params, String requestId) {
    IdempotentResult prior = call.state().idempotency.get(key);
    if (prior == null) {
      return Optional.empty();
    }
    if (call.now().getEpochSecond() - prior.createdAt() > RETENTION.toSeconds()) {
      call.state().idempotency.remove(key);
      return Optional.empty();
    }
    String path = call.request().path();
    if (!prior.method().equals(call.request().method()) || !prior.path().equals(path)) {
      throw ApiError.idempotency("Keys for idempotent requests can only be used for the same endpoint they were first used for ('"
          + prior.path() + "' vs '" + path + "'). Try using a key other than '" + key + "' if you meant to execute a different"
          + " request.");
    }
    if (!prior.fingerprint().equals(params.canonical())) {
      throw ApiError.idempotency("Keys for idempotent requests can only be used with the same parameters they were first used"
          + " with. Try using a key other than '" + key + "' if you meant to execute a different request.");
    }
    return Optional.of(prior.response().withHeader("Idempotent-Replayed", "true").withHeader("Original-Request", prior.requestId()));
  }

  static void remember(Call<StripeState> call, String key, Params params, TwinResponse response, String requestId) {
    call.state().idempotency.put(key, new IdempotentResult(call.request().method(), call.request().path(), params.canonical(),
        response, requestId, call.now().getEpochSecond()));
  }
}
