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

  /**
   * Order matters: the security headers first, so every response has them, errors included; then
   * the Host check (DNS rebinding), the token, and, on matched state-changing endpoints, the Origin
   * and content-type check.
   */
  public static void register(RoutesConfig routes, ServerConfig config, RunManager runs, Optional<GraphvizRenderer> graphviz, ServerInfo info) {
    AllowedHosts hosts = new AllowedHosts(config.host(), config.allowedHosts());
    routes.before(ctx -> SecurityHeaders.apply(ctx::header));
    routes.before(new HostGuard(hosts));
    config.token().ifPresent(token -> routes.before(new AccessGuard(token)));
    routes.beforeMatched(new CrossSiteGuard(hosts));
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
