package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.PortInUseException;
import dev.darkfactory.twin.TwinStartException;
import dev.darkfactory.twin.clock.TwinClock;
import dev.darkfactory.twin.control.ControlPlane;
import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.journal.Journal;
import dev.darkfactory.twin.journal.RawExchange;
import dev.darkfactory.twin.spi.Headers;
import dev.darkfactory.twin.spi.TwinRequest;
import dev.darkfactory.twin.spi.TwinResponse;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of a twin: one catch-all Javalin handler (on Jetty, virtual threads) that turns requests into
 * {@link TwinRequest}s, runs the {@link RequestPipeline}, writes the reply or applies a transport fault, and
 * journals the exchange with its latency. Javalin rather than the JDK's server: see docs/twins.md, "Why Javalin".
 */
final class HttpFront {

  private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
      HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);
  private static final java.util.Set<String> UNCOPIED = java.util.Set.of("content-length", "transfer-encoding", "connection",
      "keep-alive", "date", "server");

  private final String twin;
  private final RequestPipeline pipeline;
  private final Journal journal;
  private final TwinClock clock;
  private final HostCheck hosts;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Javalin app;

  HttpFront(String twin, TwinOptions options, RequestPipeline pipeline, Journal journal, TwinClock clock) {
    this.twin = twin;
    this.pipeline = pipeline;
    this.journal = journal;
    this.clock = clock;
    this.hosts = new HostCheck(options.host(), options.allowedHosts());
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.concurrency.useVirtualThreads = true;
      config.http.maxRequestSize = options.maxRequestBytes();
      config.http.compressionStrategy = CompressionStrategy.NONE;
      config.http.generateEtags = false;
      config.jetty.host = options.host();
      config.jetty.port = options.port();
      config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
      for (HandlerType method : METHODS) {
        config.routes.addHttpHandler(method, "/", this::handle);
        config.routes.addHttpHandler(method, "/*", this::handle);
      }
    });
  }

  /** Listens; a port in use is a {@link PortInUseException} naming the twin. */
  void start(String host, int port) {
    try {
      app.start();
    } catch (RuntimeException e) {
      if (causedBy(e, BindException.class)) {
        throw new PortInUseException(twin, host, port, e);
      }
      throw new TwinStartException(twin, TwinStartException.Reason.SERVER_FAILED, "its HTTP server failed: " + e.getMessage(), e);
    }
  }

  int port() {
    return app.port();
  }

  void stop() {
    closing.countDown();
    app.stop();
  }

  private void handle(Context ctx) {
    long started = System.nanoTime();
    TwinRequest request = request(ctx);
    boolean control = ControlPlane.isControlPath(request.path());
    Optional<String> refusal = hosts.refusal(request.header("host"), request.header("origin"), control);
    Handled handled = refusal.isPresent()
        ? new Handled(new Reply.Respond(refused(refusal.get())), "", "", Optional.empty(), refusal, true)
        : pipeline.handle(request);
    Written written = write(ctx, handled.reply());
    if (handled.journaled()) {
      long micros = (System.nanoTime() - started) / 1000;
      journal.recordExchange(new RawExchange(clock.now(), handled.namespace(), request.method(), request.path(),
          request.rawQuery(), request.headers().values(), request.body(), written.status, written.headers, written.body, micros,
          handled.route(), handled.faults(), handled.error()));
    }
  }

  /** What went out on the wire, for the journal. */
  private record Written(int status, Map<String, List<String>> headers, byte[] body) {}

  private Written write(Context ctx, Reply reply) {
    return switch (reply) {
      case Reply.Respond respond -> respond(ctx, respond.response());
      case Reply.Reset reset -> {
        Connections.reset(ctx);
        yield new Written(0, Map.of(), new byte[0]);
      }
      case Reply.Truncate truncate -> truncate(ctx, truncate);
      case Reply.Hang hang -> {
        try {
          closing.await(hang.max().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        Connections.reset(ctx);
        yield new Written(0, Map.of(), new byte[0]);
      }
    };
  }

  private Written respond(Context ctx, TwinResponse response) {
    TwinResponse tagged = response.withHeader("X-Twin", twin);
    ctx.status(tagged.status());
    copyHeaders(ctx, tagged.headers());
    if (tagged.headers().first("content-type").isEmpty()) {
      // Without a type, Javalin would answer text/plain; a twin that sent none means none.
      ctx.res().setContentType(null);
    }
    ctx.result(tagged.body());
    return new Written(tagged.status(), tagged.headers().values(), tagged.body());
  }

  private Written truncate(Context ctx, Reply.Truncate truncate) {
    TwinResponse response = truncate.response().withHeader("X-Twin", twin);
    ctx.status(response.status());
    copyHeaders(ctx, response.headers());
    ctx.res().setContentLength(response.body().length);
    byte[] sent = java.util.Arrays.copyOf(response.body(), truncate.bytes());
    try {
      OutputStream out = ctx.res().getOutputStream();
      out.write(sent);
      out.flush();
    } catch (IOException e) {
      // The client left first: it saw even less of the body, which is what this fault is for.
    }
    Connections.close(ctx);
    return new Written(response.status(), response.headers().values(), sent);
  }

  private static void copyHeaders(Context ctx, Headers headers) {
    headers.values().forEach((name, values) -> {
      if (UNCOPIED.contains(name)) {
        return;
      }
      if (name.equals("content-type") && !values.isEmpty()) {
        // Set, not added: added, it would sit beside Javalin's default text/plain as a second Content-Type.
        ctx.res().setContentType(values.get(0));
        return;
      }
      for (String value : values) {
        ctx.res().addHeader(name, value);
      }
    });
  }

  private static TwinResponse refused(String reason) {
    return TwinResponse.json(403, Json.object().set("error", Json.object().put("type", "twin_request_refused")
        .put("message", reason)));
  }

  private static TwinRequest request(Context ctx) {
    HttpServletRequest raw = ctx.req();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(raw.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), Collections.list(raw.getHeaders(name)));
    }
    String query = raw.getQueryString();
    return new TwinRequest(raw.getMethod().toUpperCase(Locale.ROOT), raw.getRequestURI(), query == null ? "" : query,
        new Headers(headers), ctx.bodyAsBytes());
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
