package dev.darkfactory.server;

import dev.darkfactory.pipeline.render.GraphvizRenderer;
import dev.darkfactory.pipeline.report.ProductVersion;
import dev.darkfactory.server.api.ApiRoutes;
import dev.darkfactory.server.api.JsonErrorHandler;
import dev.darkfactory.server.api.WireJson;
import dev.darkfactory.server.dto.ServerInfo;
import dev.darkfactory.server.run.RunManager;
import dev.darkfactory.server.store.JdbcRunIndex;
import dev.darkfactory.server.store.RunIndex;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import io.javalin.json.JavalinJackson3;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Server mode (attractor-spec.md 9.5): the HTTP API, the SSE event streams and the web UI over the
 * engine, for {@code factory serve} and for embedding. {@link #create} builds everything in one
 * place; {@link #start} recovers the runs that were in flight and begins listening.
 *
 * <pre>
 * try (DarkFactoryServer server = DarkFactoryServer.create(config).start()) { ... }
 * </pre>
 */
public final class DarkFactoryServer implements AutoCloseable {
  static final String UI = "/dev/darkfactory/server/ui";

  private final ServerConfig config;
  private final RunIndex index;
  private final RunManager runs;
  private final Javalin app;
  private final Optional<GraphvizRenderer> graphviz;
  private boolean started;

  private DarkFactoryServer(ServerConfig config, RunIndex index, RunManager runs, Javalin app, Optional<GraphvizRenderer> graphviz) {
    this.config = config;
    this.index = index;
    this.runs = runs;
    this.app = app;
    this.graphviz = graphviz;
  }

  /** Opens the index and builds the app; nothing listens until {@link #start()}. */
  public static DarkFactoryServer create(ServerConfig config) {
    RunIndex index = JdbcRunIndex.open(config.indexUrl(), config.dataDir());
    RunManager runs = new RunManager(config.dataDir().resolve("runs"), index, config.executor(), config.listener(), config.clock(),
        config.sseQueueCapacity());
    Optional<GraphvizRenderer> graphviz = config.browserGraphs() ? Optional.empty() : GraphvizRenderer.find();
    ServerInfo info = new ServerInfo(ProductVersion.current(), graphviz.isPresent(), config.executor().backends(), index.kind(), config.authRequired());
    Javalin app = Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.startup.showOldJavalinVersionWarning = false;
      // Every request, SSE stream and run gets a virtual thread: thousands of idle viewers cost little.
      javalin.concurrency.useVirtualThreads = true;
      javalin.http.maxRequestSize = config.maxRequestBytes();
      // A known path asked with the wrong method is a 405 with an Allow header (ErrorMapping), not a 404.
      javalin.http.prefer405over404 = true;
      javalin.jsonMapper(new JavalinJackson3(WireJson.mapper(), true));
      javalin.jetty.host = config.host();
      javalin.jetty.port = config.port();
      JsonErrorHandler.install(javalin.jetty);
      javalin.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = UI;
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Cache-Control", "no-cache");
      });
      ApiRoutes.register(javalin.routes, config, runs, graphviz, info);
    });
    return new DarkFactoryServer(config, index, runs, app, graphviz);
  }

  /**
   * Recovers in-flight runs, then listens. A port that cannot be bound (in use, or privileged) is a
   * {@link ServerException.ConfigurationInvalid} saying so; the recovered runs are stopped resumably
   * and the index closed first.
   */
  public synchronized DarkFactoryServer start() {
    runs.recover(config.resumeOnStart());
    try {
      app.start();
    } catch (JavalinBindException e) {
      runs.shutdown(Duration.ofSeconds(10));
      index.close();
      throw new ServerException.ConfigurationInvalid("cannot listen on " + hostForUrl(config.host()) + ":" + config.port()
          + ": the port is in use or not allowed: stop what uses it, or pick another with --port (0 picks a free one)");
    }
    started = true;
    String url = "http://" + hostForUrl(config.host()) + ":" + port();
    config.listener().onEvent(new ServerEvent.Started(url + "/", config.token().map(t -> url + "/?token=" + t), index.kind(), graphviz.isPresent()));
    return this;
  }

  /** The port listened on (the chosen one when configured with 0). */
  public int port() {
    return app.port();
  }

  public RunManager runs() {
    return runs;
  }

  /**
   * Stops: live runs get a resumable interrupt and a few seconds to checkpoint, then the HTTP
   * server and the index close. Interrupted runs are resumed by the next start.
   */
  @Override
  public synchronized void close() {
    int interrupted = runs.shutdown(Duration.ofSeconds(10));
    if (started) {
      app.stop();
    }
    index.close();
    config.listener().onEvent(new ServerEvent.Stopped(interrupted));
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
