package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.IdGenerator;
import dev.darkfactory.twin.control.ControlPlane;
import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultDecision;
import dev.darkfactory.twin.fault.FaultSet;
import dev.darkfactory.twin.spi.ErrorContext;
import dev.darkfactory.twin.spi.ErrorFormat;
import dev.darkfactory.twin.spi.NamespaceResolver;
import dev.darkfactory.twin.spi.TwinRequest;
import dev.darkfactory.twin.spi.TwinResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The steps every request goes through, for in-process and external twins alike: the control plane under
 * {@code /__twin/}; then the namespace from the credential (or the vendor's 401); the fault rules (latency, then a
 * fault before the twin sees the request); the backend; a fault after it.
 */
final class RequestPipeline {

  private final ControlPlane control;
  private final NamespaceResolver resolver;
  private final ErrorFormat errors;
  private final FaultSet faults;
  private final Backend backend;
  private final Duration hangLimit;
  /** Ids for the error bodies the pipeline itself writes (injected faults, handlers that threw). */
  private final IdGenerator errorIds;

  RequestPipeline(ControlPlane control, NamespaceResolver resolver, ErrorFormat errors, FaultSet faults, Backend backend,
      Duration hangLimit, long idSeed) {
    this.control = control;
    this.resolver = resolver;
    this.errors = errors;
    this.faults = faults;
    this.backend = backend;
    this.hangLimit = hangLimit;
    this.errorIds = new IdGenerator(idSeed, "errors");
  }

  Handled handle(TwinRequest request) {
    if (ControlPlane.isControlPath(request.path())) {
      return Handled.control(new Reply.Respond(control.handle(request)));
    }
    Namespace namespace;
    switch (resolver.resolve(request)) {
      case NamespaceResolver.Resolution.Refused refused -> {
        return new Handled(new Reply.Respond(refused.response()), "", "", Optional.empty(), Optional.empty(), true);
      }
      case NamespaceResolver.Resolution.Resolved resolved -> namespace = resolved.namespace();
    }
    FaultDecision decision = faults.onRequest(request.method(), request.path(), namespace);
    pause(decision.latency());
    Optional<FaultDecision.Fired> before = decision.before();
    if (before.isPresent()) {
      return new Handled(apply(before.get().fault(), Optional.empty(), request, namespace), namespace.id(), "",
          decision.firedRules(), Optional.empty(), true);
    }
    Served served = serve(request, namespace);
    Optional<FaultDecision.Fired> after = decision.after();
    Reply reply = after.map(fired -> apply(fired.fault(), Optional.of(served.response()), request, namespace))
        .orElseGet(() -> new Reply.Respond(served.response()));
    return new Handled(reply, namespace.id(), served.route(), decision.firedRules(), served.error(), true);
  }

  private Served serve(TwinRequest request, Namespace namespace) {
    try {
      return backend.serve(request, namespace);
    } catch (RuntimeException e) {
      // A twin's bug must look to the client like the vendor's 500, and to the person reading the journal like a bug.
      TwinResponse response = errors.status(500, Optional.empty(), context(request, namespace));
      return new Served(response, "", Optional.of(e.getClass().getName() + ": " + e.getMessage()));
    }
  }

  private Reply apply(Fault fault, Optional<TwinResponse> real, TwinRequest request, Namespace namespace) {
    return switch (fault) {
      case Fault.Status status -> {
        TwinResponse response = errors.status(status.status(), status.message(), context(request, namespace));
        if (status.retryAfter().isPresent()) {
          long seconds = (status.retryAfter().get().toMillis() + 999) / 1000;
          response = response.withHeader("Retry-After", Long.toString(seconds));
        }
        yield new Reply.Respond(response);
      }
      case Fault.Reset reset -> new Reply.Reset();
      case Fault.Hang hang -> new Reply.Hang(hang.max().orElse(hangLimit));
      case Fault.Truncate truncate -> {
        TwinResponse response = real.orElseThrow();
        int bytes = truncate.bytes().orElse(response.body().length / 2);
        yield new Reply.Truncate(response, Math.min(bytes, Math.max(0, response.body().length - 1)));
      }
      case Fault.Malformed malformed -> new Reply.Respond(malformed(real.orElseThrow()));
      case Fault.Latency latency -> throw new IllegalStateException("latency is applied before, not as a reply");
      case Fault.Drop drop -> throw new IllegalStateException("webhook fault on a request");
      case Fault.Duplicate duplicate -> throw new IllegalStateException("webhook fault on a request");
    };
  }

  /** The real body cut in half: complete as HTTP, broken as JSON (an object or list never closes). */
  private static TwinResponse malformed(TwinResponse real) {
    byte[] body = real.body();
    byte[] broken = body.length < 2 ? "{\"".getBytes(java.nio.charset.StandardCharsets.UTF_8) : Arrays.copyOf(body, body.length / 2);
    return real.withBody(broken);
  }

  private ErrorContext context(TwinRequest request, Namespace namespace) {
    return new ErrorContext(request, Optional.of(namespace), errorIds);
  }

  private static void pause(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
