package dev.darkfactory.cli.option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Options shared by {@code factory run} and {@code factory resume}. */
public final class RunOptionsMixin {

  /** Which backend runs LLM stages. */
  static final class Backend {
    @Option(names = "--simulate", description = "Simulate LLM stages: each succeeds with a canned response (the default while no LLM backend is configured).")
    boolean simulate;

    @Option(names = "--scripted", paramLabel = "FILE",
        description = "Take LLM stage outcomes from FILE: {\"nodes\": {\"<node_id>\": [ <status object>, ... ]}}; see docs/engine.md.")
    Path scripted;
  }

  /** Who answers human gates. */
  static final class Humans {
    @Option(names = "--auto-approve", description = "Answer every human gate with its first option.")
    boolean autoApprove;

    @Option(names = "--answers", paramLabel = "FILE", description = "Answer human gates, in order, from a JSON list in FILE: [\"A\", {\"value\": \"yes\"}, ...].")
    Path answers;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Backend backend;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Humans humans;

  @Option(names = "--json", description = "Print one JSON summary of the run instead of the final lines (progress goes to stderr).")
  public boolean json;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a context value before the run starts (repeatable).")
  public Map<String, String> set = new LinkedHashMap<>();

  public boolean simulate() {
    return backend != null && backend.simulate;
  }

  public Optional<Path> scripted() {
    return backend == null ? Optional.empty() : Optional.ofNullable(backend.scripted);
  }

  public boolean autoApprove() {
    return humans != null && humans.autoApprove;
  }

  public Optional<Path> answers() {
    return humans == null ? Optional.empty() : Optional.ofNullable(humans.answers);
  }
}
