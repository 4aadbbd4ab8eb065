package dev.darkfactory.pipeline.backend;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What runs a pipeline's LLM stages (attractor-spec.md 1.4): a coding-agent session per stage, a
 * simulation that answers every stage with a canned success (the spec's "simulation mode", 4.5),
 * or outcomes scripted per node. Each kind has one name, {@link #wire()}, used alike by the command
 * line ({@code --backend}), the HTTP API ({@code "backend"}), {@code manifest.json} and the docs; the
 * simulation also accepts {@code simulate}, the command line's word before names were unified
 * (docs/names.md). This enum is the one place either is written.
 */
public enum BackendKind {
  AGENT("agent"),
  SIMULATION("simulation", "simulate"),
  SCRIPTED("scripted");

  private final String wire;
  private final List<String> aliases;

  BackendKind(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = List.of(aliases);
  }

  /** The kind's name: {@code --backend}, the HTTP API's {@code backend}, {@code manifest.json}, {@code server-run.json}. */
  public String wire() {
    return wire;
  }

  /** The kind named {@code name}: its {@link #wire()} name or an accepted alias. */
  public static Optional<BackendKind> fromWire(String name) {
    return Arrays.stream(values()).filter(kind -> kind.wire.equals(name) || kind.aliases.contains(name)).findFirst();
  }

  /** Every {@link #wire()} name, in declaration order (for help and error messages; aliases are not listed). */
  public static List<String> names() {
    return Arrays.stream(values()).map(BackendKind::wire).toList();
  }
}
