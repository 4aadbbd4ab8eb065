package dev.darkfactory.twin.stripe;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Stripe API error on its way to becoming a response. Thrown inside the Stripe twin's handlers only and turned
 * into Stripe's error body at the route boundary ({@link StripeRoutes}); it never leaves this package, so it is not
 * part of the module's exception tree. {@code saved} says whether an idempotency key remembers it: Stripe saves
 * results once an endpoint began executing (a declined card), not failed validation (a missing parameter).
 */
final class ApiError extends RuntimeException {

  final int status;
  final String type;
  final Optional<String> code;
  final Optional<String> param;
  final Optional<String> declineCode;
  final boolean saved;
  final ObjectNode extra;

  private ApiError(int status, String type, String message, Optional<String> code, Optional<String> param,
      Optional<String> declineCode, boolean saved, ObjectNode extra) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
    this.declineCode = declineCode;
    this.saved = saved;
    this.extra = extra;
  }

  /** A 400 {@code invalid_request_error} from validating the request (not saved under an idempotency key). */
  static ApiError invalid(String message, String code, String param) {
    return new ApiError(400, "invalid_request_error", message, Optional.ofNullable(code), Optional.ofNullable(param),
        Optional.empty(), false, StripeJson.object());
  }

  /** A 404 for an id in the path that does not exist. */
  static ApiError missing(String what, String id, String param) {
    return new ApiError(404, "invalid_request_error", "No such " + what + ": '" + id + "'", Optional.of("resource_missing"),
        Optional.of(param), Optional.empty(), false, StripeJson.object());
  }

  /** A 400 for an id in a parameter that does not exist. */
  static ApiError missingParam(String what, String id, String param) {
    return new ApiError(400, "invalid_request_error", "No such " + what + ": '" + id + "'", Optional.of("resource_missing"),
        Optional.of(param), Optional.empty(), false, StripeJson.object());
  }

  /** A 400 from the object's state (a PaymentIntent that cannot be captured now): saved under an idempotency key. */
  static ApiError state(String message, String code, String param) {
    return new ApiError(400, "invalid_request_error", message, Optional.ofNullable(code), Optional.ofNullable(param),
        Optional.empty(), true, StripeJson.object());
  }

  /** A 402 {@code card_error}: saved under an idempotency key. */
  static ApiError card(String message, String code, String declineCode, String param, ObjectNode extra) {
    return new ApiError(402, "card_error", message, Optional.of(code), Optional.ofNullable(param), Optional.ofNullable(declineCode),
        true, extra);
  }

  /** A 400 {@code idempotency_error}. */
  static ApiError idempotency(String message) {
    return new ApiError(400, "idempotency_error", message, Optional.empty(), Optional.empty(), Optional.empty(), false,
        StripeJson.object());
  }

  /** Stripe's error object ({@code {"error": {...}}} holds it). */
  ObjectNode errorObject() {
    ObjectNode error = StripeJson.object();
    code.ifPresent(c -> error.put("code", c));
    declineCode.ifPresent(d -> error.put("decline_code", d));
    code.ifPresent(c -> error.put("doc_url", "https://stripe.com/docs/error-codes/" + c.replace('_', '-')));
    error.put("message", getMessage());
    param.ifPresent(p -> error.put("param", p));
    extra.properties().forEach(field -> error.set(field.getKey(), field.getValue()));
    error.put("type", type);
    return error;
  }
}
