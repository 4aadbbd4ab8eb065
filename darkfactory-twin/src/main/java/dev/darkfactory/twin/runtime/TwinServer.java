package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.TwinStartException;
import dev.darkfactory.twin.clock.TwinClock;
import dev.darkfactory.twin.control.ControlPlane;
import dev.darkfactory.twin.control.StateBackend;
import dev.darkfactory.twin.control.TwinControl;
import dev.darkfactory.twin.control.TwinStatus;
import dev.darkfactory.twin.fault.FaultSet;
import dev.darkfactory.twin.journal.Journal;
import dev.darkfactory.twin.journal.JournalEntry;
import dev.darkfactory.twin.journal.Redactor;
import dev.darkfactory.twin.spi.Route;
import dev.darkfactory.twin.spi.Twin;
import dev.darkfactory.twin.webhook.WebhookDispatcher;
import dev.darkfactory.twin.webhook.WebhookOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A running twin on its own port: the vendor's API, and the control plane under {@code /__twin/}. Start an
 * in-process twin or an external one; close to stop it (an external twin's whole process group goes with it).
 *
 * <pre>{@code
 * try (TwinServer stripe = TwinServer.start(StripeTwin.create())) {
 *   StripeClient client = StripeClient.builder().setApiKey("sk_test_alice").setApiBase(stripe.baseUrl().toString()).build();
 *   stripe.control().faults().add(FaultRule.newBuilder().route("POST /v1/refunds").fault(Fault.status(500)).build());
 *   List<JournalEntry.Exchange> seen = stripe.journal().exchanges();
 * }
 * }</pre>
 */
public final class TwinServer implements AutoCloseable {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private final String name;
  private final HttpFront front;
  private final TwinControl control;
  private final Journal journal;
  private final TwinClock clock;
  private final WebhookDispatcher webhooks;
  private final StatusHolder status;
  private final Optional<ExternalProcess> process;
  private final URI baseUrl;

  private TwinServer(String name, HttpFront front, TwinControl control, Journal journal, TwinClock clock,
      WebhookDispatcher webhooks, StatusHolder status, Optional<ExternalProcess> process, String host) {
    this.name = name;
    this.front = front;
    this.control = control;
    this.journal = journal;
    this.clock = clock;
    this.webhooks = webhooks;
    this.status = status;
    this.process = process;
    this.baseUrl = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + front.port());
  }

  public static <S> TwinServer start(Twin<S> twin) {
    return start(twin, TwinOptions.DEFAULT);
  }

  /** Starts an in-process twin. */
  public static <S> TwinServer start(Twin<S> twin, TwinOptions options) {
    String name = checkName(twin.name());
    for (Route<S> route : twin.routes().routes()) {
      if (ControlPlane.isControlPath(route.pattern())) {
        throw new IllegalArgumentException("Twin '" + name + "' declares " + route.describe() + " under the reserved prefix "
            + ControlPlane.PREFIX);
      }
    }
    Parts parts = Parts.create(options, options.webhooks().orElse(twin.webhooks()));
    LocalBackend<S> backend = new LocalBackend<>(twin, parts.clock, parts.webhooks, options.idSeed());
    TwinControl control = new TwinControl(name, backend, parts.journal, parts.faults, parts.clock, options.idSeed(), parts.status::get);
    RequestPipeline pipeline = new RequestPipeline(new ControlPlane(control), twin.namespaces(), twin.errors(), parts.faults, backend,
        options.hangLimit(), options.idSeed());
    HttpFront front = new HttpFront(name, options, pipeline, parts.journal, parts.clock);
    try {
      configure(control, options);
      front.start(options.host(), options.port());
    } catch (RuntimeException e) {
      parts.close();
      throw e;
    }
    return started(name, front, control, parts, Optional.empty(), options, "in-process");
  }

  public static TwinServer start(ExternalTwin twin) {
    return start(twin, TwinOptions.DEFAULT);
  }

  /** Starts an external twin's process, waits until it is ready, and puts the gateway in front of it. */
  public static TwinServer start(ExternalTwin twin, TwinOptions options) {
    String name = checkName(twin.name());
    Parts parts = Parts.create(options, options.webhooks().orElse(WebhookOptions.DEFAULT));
    int childPort = freePort(name);
    ExternalProcess process;
    try {
      process = ExternalProcess.start(twin, childPort);
    } catch (RuntimeException e) {
      parts.close();
      throw e;
    }
    URI childBase = URI.create("http://127.0.0.1:" + childPort);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    SeenNamespaces seen = new SeenNamespaces();
    Duration timeout = Duration.ofSeconds(120);
    StateBackend state = new RemoteState(name, childBase, http, seen, timeout);
    TwinControl control = new TwinControl(name, state, parts.journal, parts.faults, parts.clock, options.idSeed(), parts.status::get);
    Gateway gateway = new Gateway(name, childBase, http, parts.status, seen, timeout);
    RequestPipeline pipeline = new RequestPipeline(new ControlPlane(control), twin.namespaces(), twin.errors(), parts.faults, gateway,
        options.hangLimit(), options.idSeed());
    HttpFront front = new HttpFront(name, options, pipeline, parts.journal, parts.clock);
    try {
      if (options.clock().isPresent()) {
        state.clockChanged(parts.clock.reading());
      }
      if (options.idSeed() != 0) {
        state.idSeedChanged(options.idSeed());
      }
      configure(control, options);
      front.start(options.host(), options.port());
    } catch (RuntimeException e) {
      process.close();
      parts.close();
      throw e;
    }
    process.onCrash(code -> {
      String detail = "its process (pid " + process.pid() + ") exited with code " + code + "; last output:\n" + process.output();
      if (parts.status.crash(detail)) {
        parts.journal.recordLifecycle(parts.clock.now(), JournalEntry.Event.CRASHED, "twin '" + name + "' crashed: " + detail);
      }
    });
    return started(name, front, control, parts, Optional.of(process), options, "external, pid " + process.pid());
  }

  private static TwinServer started(String name, HttpFront front, TwinControl control, Parts parts, Optional<ExternalProcess> process,
      TwinOptions options, String kind) {
    TwinServer server = new TwinServer(name, front, control, parts.journal, parts.clock, parts.webhooks, parts.status, process,
        options.host());
    parts.status.set(TwinStatus.State.RUNNING, "serving on " + server.baseUrl + " (" + kind + ")");
    parts.journal.recordLifecycle(parts.clock.now(), JournalEntry.Event.STARTED, "twin '" + name + "' serving on " + server.baseUrl
        + " (" + kind + ")");
    return server;
  }

  /** The options' faults, fault files and seed files, loaded before the port opens (a bad file starts nothing). */
  private static void configure(TwinControl control, TwinOptions options) {
    options.faults().forEach(control::addFault);
    for (Path file : options.faultFiles()) {
      control.addFaults(file);
    }
    for (Path file : options.seedFiles()) {
      control.seed(file);
    }
  }

  private static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A twin's name is lower-case letters, digits and '-', starting with a letter: '" + name + "'");
    }
    return name;
  }

  private static int freePort(String name) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new TwinStartException(name, TwinStartException.Reason.LAUNCH_FAILED, "no free loopback port for its process", e);
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return front.port();
  }

  /** {@code http://127.0.0.1:PORT}: point the vendor SDK's API base here. */
  public URI baseUrl() {
    return baseUrl;
  }

  public TwinControl control() {
    return control;
  }

  public Journal journal() {
    return journal;
  }

  public FaultSet faults() {
    return control.faults();
  }

  public TwinClock clock() {
    return clock;
  }

  public TwinStatus status() {
    return status.get();
  }

  /** The pid of an external twin's process (the leader of its process group). */
  public Optional<Long> pid() {
    return process.map(ExternalProcess::pid);
  }

  /** Waits until no webhook delivery is in flight (retries waiting for their time do not count); false on timeout. */
  public boolean awaitWebhooks(Duration timeout) {
    return webhooks.awaitIdle(timeout);
  }

  /** Stops serving, stops an external twin's process group, cancels pending webhook retries. */
  @Override
  public void close() {
    TwinStatus before = status.get();
    status.set(TwinStatus.State.STOPPED, "stopped");
    front.stop();
    process.ifPresent(ExternalProcess::close);
    webhooks.close();
    clock.close();
    if (before.state() != TwinStatus.State.STOPPED) {
      journal.recordLifecycle(clock.now(), JournalEntry.Event.STOPPED, "twin '" + name + "' stopped");
    }
  }

  /** The parts every twin has, whatever serves its routes. */
  private record Parts(TwinClock clock, Journal journal, FaultSet faults, WebhookDispatcher webhooks, StatusHolder status) {

    static Parts create(TwinOptions options, WebhookOptions webhookOptions) {
      TwinClock clock = options.clock().map(TwinClock::fixedAt).orElseGet(TwinClock::system);
      Journal journal = new Journal(options.journal(), Redactor.defaults(), Clock.systemUTC());
      FaultSet faults = new FaultSet(options.idSeed());
      WebhookDispatcher webhooks = new WebhookDispatcher(webhookOptions, clock, journal, faults, Clock.systemUTC());
      return new Parts(clock, journal, faults, webhooks, new StatusHolder(Clock.systemUTC()));
    }

    void close() {
      webhooks.close();
      clock.close();
    }
  }
}
