package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.spi.ErrorContext;
import dev.darkfactory.twin.spi.ErrorFormat;
import dev.darkfactory.twin.spi.TwinResponse;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's answers for what the runtime serves on the twin's behalf: a route it does not have ({@code unknown_method}),
 * and injected statuses: 429 is {@code {"ok": false, "error": "ratelimited"}} (the runtime adds {@code Retry-After}),
 * 5xx are {@code internal_error}, {@code service_unavailable} (502, 503) and {@code request_timeout} (504).
 */
final class SlackErrors implements ErrorFormat {

  @Override
  public TwinResponse unknownRoute(ErrorContext context) {
    String path = context.request().path();
    String method = path.startsWith(SlackCredentials.PREFIX) ? path.substring(SlackCredentials.PREFIX.length()) : path;
    return SlackResponses.answer(200, SlackJson.object().put("ok", false).put("error", "unknown_method")
        .put("req_method", method), context.ids());
  }

  @Override
  public TwinResponse status(int status, Optional<String> message, ErrorContext context) {
    String code = switch (status) {
      case 429 -> "ratelimited";
      case 400 -> "invalid_arguments";
      case 401, 403 -> "invalid_auth";
      case 404 -> "unknown_method";
      case 502, 503 -> "service_unavailable";
      case 504 -> "request_timeout";
      default -> status >= 500 ? "internal_error" : "invalid_arguments";
    };
    ObjectNode body = SlackJson.object().put("ok", false).put("error", code);
    message.ifPresent(text -> body.putObject("response_metadata").putArray("messages").add(text));
    return SlackResponses.answer(status, body, context.ids());
  }
}
