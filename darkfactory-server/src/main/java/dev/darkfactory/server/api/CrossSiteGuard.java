package dev.darkfactory.server.api;

import dev.darkfactory.server.ServerException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;

/**
 * Refuses state-changing requests (POST, PUT, PATCH, DELETE) that a foreign web page could make:
 * a present {@code Origin} must be this server's own (403 otherwise), and the body must be declared
 * {@code application/json} (415 otherwise), also on requests without a body such as cancel and
 * resume. A cross-site HTML form can only send form encodings and {@code text/plain}, and a
 * cross-site {@code fetch} with a JSON content type needs a CORS preflight this server never
 * grants, so between them a page on another site can neither start, stop nor steer a run.
 *
 * <p>A missing {@code Origin} is allowed: browsers send it on every cross-origin POST (and on
 * same-origin ones), so only non-browser clients such as curl and scripts omit it, and those are
 * not the confused deputies this guard is for.
 */
final class CrossSiteGuard implements Handler {
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final AllowedHosts hosts;

  CrossSiteGuard(AllowedHosts hosts) {
    this.hosts = hosts;
  }

  @Override
  public void handle(Context ctx) {
    if (!STATE_CHANGING.contains(ctx.method().name())) {
      return;
    }
    String origin = ctx.header("Origin");
    if (origin != null && !hosts.allowsOrigin(origin, ctx.header("Host"))) {
      throw new ServerException.Forbidden("requests from the origin \"" + Texts.clip(origin) + "\" may not change anything on this server");
    }
    if (!MediaTypes.isJson(ctx.contentType())) {
      throw new ServerException.UnsupportedMediaType("send Content-Type: application/json with every " + ctx.method().name()
          + " (an empty body is fine where the request needs none, as for cancel and resume)");
    }
  }
}
