package dev.darkfactory.twin.control;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.TwinClock;
import dev.darkfactory.twin.document.DocumentNode;
import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.document.JsonDocument;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.fault.FaultRules;
import dev.darkfactory.twin.fault.FaultSet;
import dev.darkfactory.twin.journal.Journal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control plane of one twin, from Java: reset, seed, snapshot, journal, faults, clock and id seed. The HTTP
 * control plane ({@link ControlPlane}) is a thin layer over this, so both behave the same.
 */
public final class TwinControl {

  private static final Set<String> SEED_FIELDS = Set.of("twin", "idSeed", "clock", "namespaces");

  private final String twin;
  private final StateBackend state;
  private final Journal journal;
  private final FaultSet faults;
  private final TwinClock clock;
  private final Supplier<TwinStatus> status;
  private volatile long idSeed;

  public TwinControl(String twin, StateBackend state, Journal journal, FaultSet faults, TwinClock clock, long idSeed,
      Supplier<TwinStatus> status) {
    this.twin = twin;
    this.state = state;
    this.journal = journal;
    this.faults = faults;
    this.clock = clock;
    this.idSeed = idSeed;
    this.status = status;
  }

  public String twin() {
    return twin;
  }

  public TwinStatus status() {
    return status.get();
  }

  // --- state -------------------------------------------------------------------------------------------------

  /** Empties every namespace (the journal, faults, clock and seed stay). */
  public void reset() {
    state.reset(Optional.empty());
  }

  public void reset(Namespace namespace) {
    state.reset(Optional.of(namespace));
  }

  /**
   * Loads a seed document: {@code {"namespaces": {ID_OR_CREDENTIAL: STATE, ...}, "clock": "2026-01-01T00:00:00Z",
   * "idSeed": 42}} (every field optional; {@code twin}, when present, must name this twin). Named namespaces get
   * exactly the given state; others are left alone.
   */
  public void seed(JsonDocument document) {
    DocumentNode root = document.root().requireObject("a seed document").allowOnly(SEED_FIELDS);
    root.get("twin").ifPresent(name -> {
      if (!name.text().equals(twin)) {
        throw name.error("this seed is for twin '" + name.text() + "', not '" + twin + "'");
      }
    });
    root.get("idSeed").ifPresent(seed -> idSeed(seed.integer()));
    root.get("clock").ifPresent(instant -> setClock(instant(instant)));
    root.get("namespaces").ifPresent(namespaces -> {
      namespaces.requireObject("namespaces by id or credential");
      for (String name : namespaces.fieldNames()) {
        state.seed(Namespace.parse(name), namespaces.require(name));
      }
    });
  }

  public void seed(Path file) {
    seed(JsonDocument.read(file));
  }

  public void seed(JsonNode document) {
    seed(JsonDocument.of("seed", document));
  }

  /** Replaces one namespace's state. */
  public void seed(Namespace namespace, JsonDocument stateDocument) {
    state.seed(namespace, stateDocument.root());
  }

  public void seed(Namespace namespace, JsonNode stateJson) {
    seed(namespace, JsonDocument.of("seed of " + namespace.id(), stateJson));
  }

  /** Every namespace, in the seed format: {@code seed(snapshot())} restores it. */
  public ObjectNode snapshot() {
    ObjectNode snapshot = Json.object().put("twin", twin).put("idSeed", idSeed);
    TwinClock.Reading reading = clock.reading();
    if (reading.mode() == TwinClock.Mode.FIXED) {
      snapshot.put("clock", reading.now().toString());
    }
    ObjectNode namespaces = snapshot.putObject("namespaces");
    for (NamespaceInfo info : state.namespaces()) {
      namespaces.set(info.namespace().id(), state.snapshot(info.namespace()));
    }
    return snapshot;
  }

  public JsonNode snapshot(Namespace namespace) {
    return state.snapshot(namespace);
  }

  public List<NamespaceInfo> namespaces() {
    return state.namespaces();
  }

  // --- journal and faults ------------------------------------------------------------------------------------

  public Journal journal() {
    return journal;
  }

  public FaultSet faults() {
    return faults;
  }

  public List<FaultRule> addFaults(JsonDocument document) {
    return faults.addAll(FaultRules.parse(document));
  }

  public List<FaultRule> addFaults(Path file) {
    return addFaults(JsonDocument.read(file));
  }

  public FaultRule addFault(FaultRule rule) {
    return faults.add(rule);
  }

  // --- clock and ids -----------------------------------------------------------------------------------------

  public TwinClock.Reading clock() {
    return clock.reading();
  }

  public void setClock(Instant instant) {
    clock.set(instant);
    state.clockChanged(clock.reading());
  }

  public void advanceClock(Duration delta) {
    clock.advance(delta);
    state.clockChanged(clock.reading());
  }

  public void useSystemClock() {
    clock.useSystem();
    state.clockChanged(clock.reading());
  }

  public long idSeed() {
    return idSeed;
  }

  /** Sets the id seed: every namespace's ids (and the fault rules' random draws) restart from it. */
  public void idSeed(long seed) {
    this.idSeed = seed;
    faults.reseed(seed);
    state.idSeedChanged(seed);
  }

  static Instant instant(DocumentNode node) {
    try {
      return Instant.parse(node.text());
    } catch (DateTimeParseException e) {
      throw node.error("expected an instant such as 2026-01-01T00:00:00Z, found '" + node.text() + "'");
    }
  }
}
