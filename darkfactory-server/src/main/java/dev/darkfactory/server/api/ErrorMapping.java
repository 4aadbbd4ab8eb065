package dev.darkfactory.server.api;

import dev.darkfactory.server.ServerEvent;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.ServerListener;
import dev.darkfactory.server.dto.ErrorBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Optional;

/**
 * Turns every failure into {@code {"error": {"code", "message"}}} with the right status: the
 * server's own exceptions, Javalin's (unknown route, body too large), and anything unexpected,
 * which becomes a 500 whose cause goes to the {@link ServerListener}, never to the client.
 */
final class ErrorMapping {
  private ErrorMapping() {}

  static void register(RoutesConfig routes, ServerListener listener) {
    routes.exception(ServerException.class, (e, ctx) -> {
      if (e instanceof ServerException.StorageFailed) {
        listener.onEvent(new ServerEvent.RequestFailed(ctx.method().name(), ctx.path(), e.getMessage(), Optional.ofNullable(e.getCause())));
      }
      List<dev.darkfactory.server.dto.DiagnosticDto> diagnostics = e instanceof ServerException.InvalidPipeline invalid ? invalid.diagnostics() : List.of();
      write(ctx, e.status(), ErrorBody.of(e.code(), e.getMessage(), diagnostics));
    });
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == 405) {
        methodNotAllowed(ctx, e);
      } else {
        write(ctx, e.getStatus(), ErrorBody.of(code(e.getStatus()), message(e), List.of()));
      }
    });
    routes.exception(Exception.class, (e, ctx) -> {
      listener.onEvent(new ServerEvent.RequestFailed(ctx.method().name(), ctx.path(), String.valueOf(e.getMessage()), Optional.of(e)));
      write(ctx, 500, ErrorBody.of("internal_error", "the server failed to handle this request; see the server's output", List.of()));
    });
    routes.error(404, ctx -> {
      if (!isErrorBody(ctx)) {
        write(ctx, 404, ErrorBody.of("not_found", "no such endpoint: " + ctx.method().name() + " " + ctx.path(), List.of()));
      }
    });
    routes.error(405, ctx -> {
      if (!isErrorBody(ctx)) {
        write(ctx, 405, ErrorBody.of("method_not_allowed", ctx.method().name() + " is not allowed on " + ctx.path(), List.of()));
      }
    });
  }

  /**
   * A known path asked with a method it does not take (RFC 9110 15.5.6): 405 with the {@code Allow}
   * header listing the methods it does take, and the JSON error body.
   */
  private static void methodNotAllowed(Context ctx, HttpResponseException e) {
    String allowed = e.getDetails().getOrDefault("availableMethods", "");
    if (!allowed.isEmpty()) {
      ctx.header("Allow", allowed);
    }
    write(ctx, 405, ErrorBody.of("method_not_allowed", ctx.method().name() + " is not allowed on " + ctx.path()
        + (allowed.isEmpty() ? "" : "; use " + allowed), List.of()));
  }

  private static boolean isErrorBody(Context ctx) {
    String result = ctx.result();
    return result != null && result.startsWith("{\"error\"");
  }

  static void write(Context ctx, int status, ErrorBody body) {
    ctx.status(status).contentType("application/json").result(WireJson.mapper().writeValueAsString(body));
  }

  private static String message(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 413 -> "the request body is larger than the server's limit";
      case 404 -> "not found";
      default -> e.getMessage();
    };
  }

  /** The {@code code} of an error body for a status that no {@code ServerException} produced. */
  static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 415 -> "unsupported_media_type";
      case 431 -> "headers_too_large";
      case 500 -> "internal_error";
      case 503 -> "unavailable";
      default -> "http_" + status;
    };
  }
}
