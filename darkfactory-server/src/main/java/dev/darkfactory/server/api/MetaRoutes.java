package dev.darkfactory.server.api;

import dev.darkfactory.server.dto.ServerInfo;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json} (the API's description, from the jar) and {@code GET /api/info}. */
final class MetaRoutes {
  static final String OPENAPI = "/dev/darkfactory/server/openapi.json";

  private final ServerInfo info;
  private final byte[] openapi;

  MetaRoutes(ServerInfo info) {
    this.info = info;
    this.openapi = openapi();
  }

  void register(RoutesConfig routes) {
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
    routes.get("/api/info", ctx -> ctx.json(info));
  }

  static byte[] openapi() {
    try (InputStream in = MetaRoutes.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + OPENAPI);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
