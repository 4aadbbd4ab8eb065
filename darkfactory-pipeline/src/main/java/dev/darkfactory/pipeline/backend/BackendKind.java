package dev.darkfactory.pipeline.backend;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What runs a pipeline's LLM stages (attractor-spec.md 1.4): a coding-agent session per stage, a
 * simulation that answers every stage with a canned success, or outcomes scripted per node. Each
 * kind carries its names: {@link #wire()} in manifests and the HTTP API, {@link #option()} on the
 * command line ({@code --backend}). They differ only for the simulation; this enum is the one place
 * either is written.
 */
public enum BackendKind {
  AGENT("agent", "agent"),
  SIMULATION("simulation", "simulate"),
  SCRIPTED("scripted", "scripted");

  private final String wire;
  private final String option;

  BackendKind(String wire, String option) {
    this.wire = wire;
    this.option = option;
  }

  /** The name in {@code manifest.json} settings, {@code server-run.json} and the HTTP API. */
  public String wire() {
    return wire;
  }

  /** The value of the command line's {@code --backend}. */
  public String option() {
    return option;
  }

  /** The kind whose {@link #wire()} name is {@code name}. */
  public static Optional<BackendKind> fromWire(String name) {
    return Arrays.stream(values()).filter(kind -> kind.wire.equals(name)).findFirst();
  }

  /** The kind whose {@link #option()} name is {@code name}. */
  public static Optional<BackendKind> fromOption(String name) {
    return Arrays.stream(values()).filter(kind -> kind.option.equals(name)).findFirst();
  }

  /** Every {@link #option()} name, in declaration order (for help and error messages). */
  public static List<String> optionNames() {
    return Arrays.stream(values()).map(BackendKind::option).toList();
  }
}
