package dev.darkfactory.cli.server;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.cli.option.PortConverter;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.server.DarkFactoryServer;
import dev.darkfactory.server.ServerConfig;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.run.EngineExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code factory serve}: the HTTP server and web UI (attractor-spec.md 9.5) until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the HTTP server and web UI: submit, watch and steer pipelines from a browser.",
      "Binds to 127.0.0.1 by default; any other address requires a token.",
      "Ctrl-C (or SIGTERM) stops it, exit status 0; runs in flight checkpoint and are resumed at the next start."
    })
public final class ServeCommand implements Callable<Integer> {
  static final String TOKEN_ENV = "FACTORY_SERVER_TOKEN";

  private final CliContext context;
  private final Environment environment;
  private final CountDownLatch stop = new CountDownLatch(1);

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "7777", converter = PortConverter.class, description = "Port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = ".factory/server", description = "Where runs and the run index are kept. Default: ${DEFAULT-VALUE}.")
  Path data;

  @Option(names = "--token", paramLabel = "TOKEN", description = "Require this token on every request (default: $" + TOKEN_ENV + "). Required off loopback.")
  String token;

  @Option(names = "--index", paramLabel = "URL", description = "Keep the run index in PostgreSQL (postgresql://user:password@host:5432/db) instead of SQLite in DIR.")
  String index;

  @Option(names = "--workdir", paramLabel = "DIR", description = "Where tool nodes run their commands. Default: the current directory.")
  Path workdir;

  @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "1048576", description = "Largest request body accepted. Default: ${DEFAULT-VALUE}.")
  long maxRequestBytes;

  @Option(names = "--allowed-host", paramLabel = "NAME", description = {
      "Also answer requests whose Host header is NAME (repeatable): a name users or a proxy reach the server by.",
      "Other names are refused, which stops DNS rebinding; the bound address (and localhost on loopback) always works."})
  List<String> allowedHosts = new ArrayList<>();

  @Option(names = "--no-resume", description = "Mark runs that were in flight at the last stop as interrupted instead of resuming them.")
  boolean noResume;

  /** Reads the token and provider settings from the process environment. */
  public ServeCommand(CliContext context) {
    this(context, Environment.system());
  }

  /** Reads {@value #TOKEN_ENV} and the provider settings from {@code environment} (tests). */
  public ServeCommand(CliContext context, Environment environment) {
    this.context = context;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Optional<String> secret = Optional.ofNullable(token).or(() -> Optional.ofNullable(environment.variables().get(TOKEN_ENV)))
        .filter(t -> !t.isBlank());
    ServerConfig config;
    DarkFactoryServer server;
    try {
      config = ServerConfig.newBuilder(data.toAbsolutePath(), new EngineExecutor(workdir == null ? Path.of("") : workdir, environment))
          .host(host).port(port).token(secret).indexUrl(Optional.ofNullable(index)).maxRequestBytes(maxRequestBytes)
          .resumeOnStart(!noResume).allowedHosts(allowedHosts).listener(new ServerPrinter(context.out(), context.err())).build();
      server = DarkFactoryServer.create(config).start();
    } catch (ServerException e) {
      throw new UserException(e.getMessage(), ExitCode.USAGE);
    }
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopOnSignal(closed), "factory-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        server.close();
        context.out().flush();
        context.err().flush();
      } finally {
        closed.countDown();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting through the hook, which ends the process once the server is closed.
      }
    }
    return ExitCode.OK;
  }

  /**
   * Ctrl-C and SIGTERM: a normal stop of the server, so the process exits 0 (docs/cli.md). The JVM
   * runs this hook with the signal's status (130, 143) already chosen, and only {@code halt} can
   * replace it; it is called once the server is closed (its runs checkpointed, its index closed)
   * and the output flushed. Nothing else in a {@code serve} process registers a shutdown hook.
   */
  private void stopOnSignal(CountDownLatch closed) {
    stop.countDown();
    try {
      if (closed.await(60, TimeUnit.SECONDS)) {
        Runtime.getRuntime().halt(ExitCode.OK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops a running {@link #call()} (tests; the shutdown hook does the same on Ctrl-C). */
  void requestStop() {
    stop.countDown();
  }
}
