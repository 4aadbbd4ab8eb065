package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.spi.ErrorContext;
import dev.darkfactory.twin.spi.ErrorFormat;
import dev.darkfactory.twin.spi.TwinRequest;
import dev.darkfactory.twin.spi.TwinResponse;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's error responses: the 404 for unknown URLs, the bodies of injected faults (429 {@code rate_limit}, 5xx
 * {@code api_error}), and {@link ApiError}s raised by the handlers. Every one carries {@code Request-Id} and
 * {@code Stripe-Version}, as api.stripe.com's do.
 */
final class StripeErrors implements ErrorFormat {

  private final String apiVersion;

  StripeErrors(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public TwinResponse unknownRoute(ErrorContext context) {
    TwinRequest request = context.request();
    ObjectNode error = StripeJson.object()
        .put("message", "Unrecognized request URL (" + request.method() + ": " + request.path() + "). Please see"
            + " https://stripe.com/docs or we can help at https://support.stripe.com/.")
        .put("type", "invalid_request_error");
    return response(404, error, context);
  }

  @Override
  public TwinResponse status(int status, Optional<String> message, ErrorContext context) {
    ObjectNode error = StripeJson.object();
    switch (status) {
      case 429 -> error.put("code", "rate_limit").put("doc_url", "https://stripe.com/docs/error-codes/rate-limit")
          .put("message", message.orElse("Request rate limit exceeded. Learn more about rate limits here"
              + " https://stripe.com/docs/rate-limits.")).put("type", "invalid_request_error");
      case 402 -> error.put("code", "card_declined").put("decline_code", "generic_decline")
          .put("doc_url", "https://stripe.com/docs/error-codes/card-declined")
          .put("message", message.orElse("Your card was declined.")).put("type", "card_error");
      case 409 -> error.put("code", "lock_timeout").put("doc_url", "https://stripe.com/docs/error-codes/lock-timeout")
          .put("message", message.orElse("This object cannot be accessed right now because another API request or Stripe process"
              + " is currently accessing it. If you see this error intermittently, retry the request."))
          .put("type", "invalid_request_error");
      default -> error.put("message", message.orElse(defaultMessage(status))).put("type", status >= 500 ? "api_error"
          : "invalid_request_error");
    }
    return response(status, error, context);
  }

  private static String defaultMessage(int status) {
    return switch (status) {
      case 500 -> "An unknown error occurred";
      case 502, 503, 504 -> "Stripe is temporarily unavailable. Please try again later.";
      case 401 -> "Invalid API Key provided.";
      case 403 -> "The provided key does not have access to this resource.";
      case 404 -> "Not found.";
      default -> ErrorFormat.defaultMessage(status);
    };
  }

  private TwinResponse response(int status, ObjectNode error, ErrorContext context) {
    return TwinResponse.json(status, StripeJson.bytes(StripeJson.object().set("error", error)))
        .withHeader("Request-Id", context.ids().next("req", 14))
        .withHeader("Stripe-Version", context.request().header("stripe-version").orElse(apiVersion));
  }
}
