package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.control.NamespaceInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The namespaces the gateway has sent requests or seeds to, so an external twin need not list its own: the
 * gateway knows which namespaces exist (it computed them) and asks the twin for each one's snapshot.
 */
final class SeenNamespaces {

  private record Seen(Namespace namespace, AtomicLong requests) {}

  private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

  void request(Namespace namespace) {
    seen.computeIfAbsent(namespace.id(), id -> new Seen(namespace, new AtomicLong())).requests.incrementAndGet();
  }

  void seeded(Namespace namespace) {
    seen.computeIfAbsent(namespace.id(), id -> new Seen(namespace, new AtomicLong()));
  }

  void reset(Optional<Namespace> namespace) {
    namespace.ifPresentOrElse(ns -> seen.remove(ns.id()), seen::clear);
  }

  List<NamespaceInfo> list() {
    return seen.values().stream().map(s -> new NamespaceInfo(s.namespace, s.requests.get()))
        .sorted(Comparator.comparing(info -> info.namespace().id())).toList();
  }
}
