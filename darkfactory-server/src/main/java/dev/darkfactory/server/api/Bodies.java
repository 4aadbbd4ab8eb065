package dev.darkfactory.server.api;

import dev.darkfactory.server.ServerException;
import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Reads request bodies: size-limited, JSON only, into wire records; every problem is a 400 or 413. */
final class Bodies {
  private Bodies() {}

  static <T> T read(Context ctx, Class<T> type, long maxBytes) {
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      throw new ServerException.PayloadTooLarge("the request body is " + declared + " bytes; the limit is " + maxBytes);
    }
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new ServerException.BadRequest("send the body as JSON with Content-Type: application/json");
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > maxBytes) {
      throw new ServerException.PayloadTooLarge("the request body is larger than the limit of " + maxBytes + " bytes");
    }
    if (body.length == 0) {
      throw new ServerException.BadRequest("the request body is empty; expected a JSON object");
    }
    try {
      T value = WireJson.mapper().readValue(body, type);
      if (value == null) {
        throw new ServerException.BadRequest("expected a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ServerException.BadRequest("unknown field \"" + e.getPropertyName() + "\"; known fields: "
          + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
    } catch (JacksonException e) {
      throw new ServerException.BadRequest("the body is not valid for this request: " + e.getOriginalMessage());
    }
  }
}
