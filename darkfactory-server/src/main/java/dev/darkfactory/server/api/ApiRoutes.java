package dev.darkfactory.server.api;

import dev.darkfactory.pipeline.render.GraphvizRenderer;
import dev.darkfactory.server.ServerConfig;
import dev.darkfactory.server.dto.ServerInfo;
import dev.darkfactory.server.run.RunManager;
import dev.darkfactory.server.sse.EventStreamer;
import io.javalin.config.RoutesConfig;
import java.util.Optional;

/** Registers every resource's routes, the token check and the error mapping: the whole HTTP surface in one list. */
public final class ApiRoutes {
  private ApiRoutes() {}

  /** The security headers first, so every response has them, errors included; then the token. */
  public static void register(RoutesConfig routes, ServerConfig config, RunManager runs, Optional<GraphvizRenderer> graphviz, ServerInfo info) {
    routes.before(ctx -> SecurityHeaders.apply(ctx::header));
    config.token().ifPresent(token -> routes.before(new AccessGuard(token)));
    long max = config.maxRequestBytes();
    new PipelineRoutes(runs, max).register(routes);
    new QuestionRoutes(runs, max).register(routes);
    new StageRoutes(runs).register(routes);
    new GraphRoutes(runs, graphviz, max).register(routes);
    new EventRoutes(runs, new EventStreamer(config.heartbeat())).register(routes);
    new MetaRoutes(info).register(routes);
    ErrorMapping.register(routes, config.listener());
  }
}
