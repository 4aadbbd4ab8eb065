package dev.darkfactory.twin.control;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.TwinClock;
import dev.darkfactory.twin.document.DocumentNode;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where a twin's state lives: in this JVM (an in-process twin's namespaces), or behind an external twin's own
 * control endpoints (the gateway forwards). The control plane talks to state only through this.
 */
public interface StateBackend {

  /** Empties one namespace, or all when empty. */
  void reset(Optional<Namespace> namespace);

  /**
   * Replaces a namespace's state with a seed.
   *
   * @throws dev.darkfactory.twin.DocumentException at the position of the value the twin refuses
   */
  void seed(Namespace namespace, DocumentNode state);

  /** One namespace's state as JSON ({@code null} JSON when it has none). */
  JsonNode snapshot(Namespace namespace);

  List<NamespaceInfo> namespaces();

  /** The twin's clock was set, advanced or returned to the system clock. */
  void clockChanged(TwinClock.Reading reading);

  /** The id seed changed: every namespace's id sequence restarts from it. */
  void idSeedChanged(long seed);
}
