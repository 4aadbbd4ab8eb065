package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.IdGenerator;
import dev.darkfactory.twin.spi.Credentials;
import dev.darkfactory.twin.spi.NamespaceResolver;
import dev.darkfactory.twin.spi.TwinRequest;
import dev.darkfactory.twin.spi.TwinResponse;
import java.util.Optional;

/**
 * Stripe's authentication: a secret or restricted test key, as a bearer token or as the basic-auth user. Each key
 * is its own namespace. Live keys are refused: a twin must never receive one.
 */
final class StripeCredentials implements NamespaceResolver {

  private final String apiVersion;
  private final IdGenerator requestIds = new IdGenerator(0, "stripe-auth");

  StripeCredentials(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public Resolution resolve(TwinRequest request) {
    Optional<String> key = Credentials.bearer(request).or(() -> Credentials.basicUser(request));
    if (key.isEmpty()) {
      return NamespaceResolver.refused(unauthorized(request, "You did not provide an API key. You need to provide your API key in"
          + " the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See"
          + " https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/."));
    }
    String value = key.get();
    if (value.startsWith("sk_live_") || value.startsWith("rk_live_")) {
      return NamespaceResolver.refused(unauthorized(request, "Invalid API Key provided: " + mask(value) + ". This is a Stripe twin:"
          + " it accepts test keys only (sk_test_..., rk_test_...); never send it a live key."));
    }
    if (!(value.startsWith("sk_test_") || value.startsWith("rk_test_")) || value.length() <= "sk_test_".length()) {
      return NamespaceResolver.refused(unauthorized(request, "Invalid API Key provided: " + mask(value)));
    }
    return NamespaceResolver.resolved(Namespace.ofCredential(value));
  }

  /** As Stripe shows keys in errors: the prefix, asterisks, the last four. */
  static String mask(String key) {
    if (key.length() <= 12) {
      return "*".repeat(key.length());
    }
    int prefix = Math.min(8, key.length() - 4);
    return key.substring(0, prefix) + "*".repeat(key.length() - prefix - 4) + key.substring(key.length() - 4);
  }

  private TwinResponse unauthorized(TwinRequest request, String message) {
    String requestId = requestIds.next("req", 14);
    return TwinResponse.json(401, StripeJson.bytes(StripeJson.object().set("error", StripeJson.object()
            .put("message", message).put("type", "invalid_request_error"))))
        .withHeader("Request-Id", requestId)
        .withHeader("Stripe-Version", request.header("stripe-version").orElse(apiVersion))
        .withHeader("WWW-Authenticate", "Basic realm=\"Stripe\"");
  }
}
