package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.StateReadException;
import dev.darkfactory.twin.clock.IdGenerator;
import dev.darkfactory.twin.clock.TwinClock;
import dev.darkfactory.twin.control.NamespaceInfo;
import dev.darkfactory.twin.control.StateBackend;
import dev.darkfactory.twin.document.DocumentNode;
import dev.darkfactory.twin.spi.Call;
import dev.darkfactory.twin.spi.ErrorContext;
import dev.darkfactory.twin.spi.RouteMatch;
import dev.darkfactory.twin.spi.StateContext;
import dev.darkfactory.twin.spi.Twin;
import dev.darkfactory.twin.spi.TwinRequest;
import dev.darkfactory.twin.spi.TwinResponse;
import dev.darkfactory.twin.webhook.Webhook;
import dev.darkfactory.twin.webhook.WebhookOutbox;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * An in-process twin's namespaces: routes a request to its handler under the namespace's lock, and holds, resets,
 * seeds and snapshots the state. Namespaces appear on first use.
 */
final class LocalBackend<S> implements Backend, StateBackend {

  private final Twin<S> twin;
  private final TwinClock clock;
  private final WebhookOutbox outbox;
  private final ConcurrentHashMap<String, NamespaceSlot<S>> slots = new ConcurrentHashMap<>();
  private volatile long idSeed;

  LocalBackend(Twin<S> twin, TwinClock clock, WebhookOutbox outbox, long idSeed) {
    this.twin = twin;
    this.clock = clock;
    this.outbox = outbox;
    this.idSeed = idSeed;
  }

  @Override
  public Served serve(TwinRequest request, Namespace namespace) {
    Optional<RouteMatch<S>> match = twin.routes().match(request.method(), request.path());
    if (match.isEmpty()) {
      NamespaceSlot<S> slot = slot(namespace);
      return Served.of(twin.errors().unknownRoute(new ErrorContext(request, Optional.of(namespace), slot.ids)), "");
    }
    NamespaceSlot<S> slot = slot(namespace);
    BufferedOutbox buffered = new BufferedOutbox(outbox);
    TwinResponse response;
    slot.lock.lock();
    try {
      slot.requests++;
      response = match.get().route().handler().handle(new LocalCall<>(request, slot, match.get(), clock.now(), buffered));
    } finally {
      slot.lock.unlock();
    }
    buffered.flush();
    return Served.of(response, match.get().route().describe());
  }

  private NamespaceSlot<S> slot(Namespace namespace) {
    NamespaceSlot<S> existing = slots.get(namespace.id());
    if (existing != null) {
      return existing;
    }
    return slots.computeIfAbsent(namespace.id(), id -> {
      IdGenerator ids = new IdGenerator(idSeed, id);
      return new NamespaceSlot<>(namespace, twin.state().create(new StateContext(namespace, clock.now(), ids)), ids);
    });
  }

  @Override
  public void reset(Optional<Namespace> namespace) {
    if (namespace.isEmpty()) {
      slots.clear();
      return;
    }
    slots.remove(namespace.get().id());
  }

  @Override
  public void seed(Namespace namespace, DocumentNode state) {
    IdGenerator ids = new IdGenerator(idSeed, namespace.id());
    S seeded;
    try {
      seeded = twin.state().read(state.json(), new StateContext(namespace, clock.now(), ids));
    } catch (StateReadException e) {
      throw state.document().error(state.pointer() + e.pointer(), e.problem());
    }
    NamespaceSlot<S> fresh = new NamespaceSlot<>(namespace, seeded, ids);
    NamespaceSlot<S> old = slots.put(namespace.id(), fresh);
    if (old != null) {
      // Wait for a request that is using the old state to finish, so the seed is not interleaved with it.
      old.lock.lock();
      old.lock.unlock();
    }
  }

  @Override
  public JsonNode snapshot(Namespace namespace) {
    NamespaceSlot<S> slot = slots.get(namespace.id());
    if (slot == null) {
      return NullNode.getInstance();
    }
    slot.lock.lock();
    try {
      return twin.state().write(slot.state);
    } finally {
      slot.lock.unlock();
    }
  }

  @Override
  public List<NamespaceInfo> namespaces() {
    List<NamespaceInfo> infos = new ArrayList<>();
    for (NamespaceSlot<S> slot : slots.values()) {
      slot.lock.lock();
      try {
        infos.add(new NamespaceInfo(slot.namespace, slot.requests));
      } finally {
        slot.lock.unlock();
      }
    }
    infos.sort(Comparator.comparing(info -> info.namespace().id()));
    return infos;
  }

  @Override
  public void clockChanged(TwinClock.Reading reading) {
    // In-process twins read the shared clock on every call: nothing to forward.
  }

  @Override
  public void idSeedChanged(long seed) {
    this.idSeed = seed;
    for (NamespaceSlot<S> slot : slots.values()) {
      slot.lock.lock();
      try {
        slot.ids = new IdGenerator(seed, slot.namespace.id());
      } finally {
        slot.lock.unlock();
      }
    }
  }

  /** The call a handler sees. */
  private record LocalCall<S>(TwinRequest request, NamespaceSlot<S> slot, RouteMatch<S> match, Instant now, WebhookOutbox webhooks)
      implements Call<S> {

    @Override
    public Namespace namespace() {
      return slot.namespace;
    }

    @Override
    public S state() {
      return slot.state;
    }

    @Override
    public String param(String name) {
      String value = match.params().get(name);
      if (value == null) {
        throw new IllegalArgumentException("Route " + match.route().describe() + " has no parameter {" + name + "}");
      }
      return value;
    }

    @Override
    public IdGenerator ids() {
      return slot.ids;
    }
  }

  /** Holds a handler's webhooks until it returns, so deliveries start after the state change they announce. */
  private static final class BufferedOutbox implements WebhookOutbox {
    private final WebhookOutbox target;
    private final List<Webhook> pending = new ArrayList<>();

    BufferedOutbox(WebhookOutbox target) {
      this.target = target;
    }

    @Override
    public void send(Webhook webhook) {
      pending.add(webhook);
    }

    @Override
    public Optional<String> refusal(URI url) {
      return target.refusal(url);
    }

    void flush() {
      pending.forEach(target::send);
    }
  }
}
