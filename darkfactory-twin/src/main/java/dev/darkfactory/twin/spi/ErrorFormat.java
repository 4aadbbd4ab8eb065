package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.document.Json;
import java.util.Optional;

/**
 * A vendor's error responses, so what the runtime answers for the twin (an unknown route, an injected fault, a
 * handler that threw) looks exactly like the vendor's.
 */
public interface ErrorFormat {

  /** The vendor's answer to a route it does not have (usually its 404 body). */
  TwinResponse unknownRoute(ErrorContext context);

  /**
   * The vendor's body for {@code status} (429, 500, 503, ...); {@code message} replaces its default message. The
   * runtime adds {@code Retry-After} itself when a fault rule asks for it.
   */
  TwinResponse status(int status, Optional<String> message, ErrorContext context);

  /** {@code {"error": {"status": 404, "message": "..."}}}, for twins without a vendor format of their own. */
  static ErrorFormat generic() {
    return new ErrorFormat() {
      @Override
      public TwinResponse unknownRoute(ErrorContext context) {
        return status(404, Optional.of("No route " + context.request().describe()), context);
      }

      @Override
      public TwinResponse status(int status, Optional<String> message, ErrorContext context) {
        return TwinResponse.json(status, Json.object().set("error", Json.object().put("status", status)
            .put("message", message.orElse(defaultMessage(status)))));
      }
    };
  }

  /** A plain reason phrase for a status, for default messages. */
  static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 429 -> "Too many requests";
      case 500 -> "Internal server error";
      case 502 -> "Bad gateway";
      case 503 -> "Service unavailable";
      case 504 -> "Gateway timeout";
      default -> "HTTP " + status;
    };
  }
}
