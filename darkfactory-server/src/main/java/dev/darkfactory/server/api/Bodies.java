package dev.darkfactory.server.api;

import dev.darkfactory.server.ServerException;
import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Reads request bodies: size-limited, JSON only, into wire records; every problem is a 400, 413 or 415. */
final class Bodies {
  private Bodies() {}

  /** Bodies up to this many times the limit are read and dropped before a 413 (see {@link #discardIfSmall}). */
  private static final long DISCARD_FACTOR = 8;

  /**
   * Reads and drops a refused body that is still on its way, when it is at most a few times the
   * limit. A client that does not wait for {@code 100 Continue} is still sending when the 413 is
   * ready; closing the connection on unread data resets it, and the client sees a broken
   * connection instead of the 413. A client that sent {@code Expect: 100-continue} has sent no
   * body and is not asked for one; a huge body is not worth reading, and its connection is closed.
   */
  private static void discardIfSmall(Context ctx, long declared, long maxBytes) {
    String expect = ctx.header("Expect");
    if (declared > maxBytes * DISCARD_FACTOR || (expect != null && expect.equalsIgnoreCase("100-continue"))) {
      return;
    }
    try (var in = ctx.req().getInputStream()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException e) {
      // The client went away; the 413 goes nowhere either way.
    }
  }

  static <T> T read(Context ctx, Class<T> type, long maxBytes) {
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      discardIfSmall(ctx, declared, maxBytes);
      throw new ServerException.PayloadTooLarge("the request body is " + declared + " bytes; the limit is " + maxBytes);
    }
    if (!MediaTypes.isJson(ctx.contentType())) {
      throw new ServerException.UnsupportedMediaType("send the body as JSON with Content-Type: application/json");
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
