package dev.darkfactory.twin.fault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the fault rules decided for one request: the total added latency (and the rules that added it) and at
 * most one fault that changes the answer (the first firing rule's, in rule order).
 */
public record FaultDecision(Duration latency, List<String> latencyRules, Optional<Fired> fault) {

  public static final FaultDecision NONE = new FaultDecision(Duration.ZERO, List.of(), Optional.empty());

  public FaultDecision {
    latencyRules = List.copyOf(latencyRules);
  }

  /** A rule that fired, with what it does and when. */
  public record Fired(String ruleId, Fault fault, Phase phase) {}

  public Optional<Fired> before() {
    return fault.filter(fired -> fired.phase() == Phase.BEFORE);
  }

  public Optional<Fired> after() {
    return fault.filter(fired -> fired.phase() == Phase.AFTER);
  }

  /** The ids of every rule that fired, latency first, joined with commas (for the journal). */
  public Optional<String> firedRules() {
    List<String> ids = new java.util.ArrayList<>(latencyRules);
    fault.ifPresent(fired -> ids.add(fired.ruleId()));
    return ids.isEmpty() ? Optional.empty() : Optional.of(String.join(",", ids));
  }
}
