package dev.darkfactory.twin.fault;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A twin's live fault rules, in the order added. Each rule counts the calls it matches and draws from its own
 * random source seeded by the twin's seed and the rule id, so the same seed and calls fire the same faults.
 * Rules are few and changes rare; the hot path with no rules is a check of an empty list.
 */
public final class FaultSet {

  private final List<ActiveRule> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong generatedIds = new AtomicLong();
  private volatile long seed;

  public FaultSet(long seed) {
    this.seed = seed;
  }

  /** Adds a rule (a rule with the id of an existing one replaces it); returns it with its id. */
  public synchronized FaultRule add(FaultRule rule) {
    FaultRule named = rule.id().isEmpty() ? rule.withId(nextId()) : rule;
    ActiveRule active = new ActiveRule(named, new SplittableRandom(Seeds.mix(seed, "fault:" + named.id())));
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).rule.id().equals(named.id())) {
        rules.set(i, active);
        return named;
      }
    }
    rules.add(active);
    return named;
  }

  public List<FaultRule> addAll(List<FaultRule> added) {
    List<FaultRule> named = new ArrayList<>();
    for (FaultRule rule : added) {
      named.add(add(rule));
    }
    return named;
  }

  public synchronized boolean remove(String id) {
    return rules.removeIf(active -> active.rule.id().equals(id));
  }

  public synchronized void clear() {
    rules.clear();
  }

  public List<FaultRule> rules() {
    return rules.stream().map(active -> active.rule).toList();
  }

  public List<RuleStatus> status() {
    return rules.stream().map(ActiveRule::status).toList();
  }

  public Optional<RuleStatus> status(String id) {
    return rules.stream().filter(active -> active.rule.id().equals(id)).findFirst().map(ActiveRule::status);
  }

  /** Restarts every rule's random source from a new seed (counters stay). */
  public synchronized void reseed(long newSeed) {
    this.seed = newSeed;
    for (ActiveRule active : rules) {
      active.reseed(new SplittableRandom(Seeds.mix(newSeed, "fault:" + active.rule.id())));
    }
  }

  /** Decides the faults of one HTTP request. */
  public FaultDecision onRequest(String method, String path, Namespace namespace) {
    if (rules.isEmpty()) {
      return FaultDecision.NONE;
    }
    Duration latency = Duration.ZERO;
    List<String> latencyRules = new ArrayList<>();
    Optional<FaultDecision.Fired> fired = Optional.empty();
    for (ActiveRule active : rules) {
      FaultRule rule = active.rule;
      if (!(rule.target() instanceof Target.Route route) || !route.matches(method, path) || !inNamespace(rule, namespace)) {
        continue;
      }
      Optional<Duration> sampled = active.fire();
      if (sampled.isEmpty()) {
        continue;
      }
      if (rule.fault() instanceof Fault.Latency) {
        latency = latency.plus(sampled.get());
        latencyRules.add(rule.id());
      } else if (fired.isEmpty()) {
        fired = Optional.of(new FaultDecision.Fired(rule.id(), rule.fault(), rule.phase()));
      }
    }
    return latencyRules.isEmpty() && fired.isEmpty() ? FaultDecision.NONE : new FaultDecision(latency, latencyRules, fired);
  }

  /** Decides the faults of one webhook delivery (all its attempts). */
  public WebhookDecision onWebhook(String eventType, Namespace namespace) {
    if (rules.isEmpty()) {
      return WebhookDecision.NONE;
    }
    Duration latency = Duration.ZERO;
    Optional<String> droppedBy = Optional.empty();
    int duplicates = 0;
    List<String> fired = new ArrayList<>();
    for (ActiveRule active : rules) {
      FaultRule rule = active.rule;
      if (!(rule.target() instanceof Target.Webhook webhook) || !webhook.eventType().matches(eventType)
          || !inNamespace(rule, namespace)) {
        continue;
      }
      Optional<Duration> sampled = active.fire();
      if (sampled.isEmpty()) {
        continue;
      }
      fired.add(rule.id());
      switch (rule.fault()) {
        case Fault.Latency ignored -> latency = latency.plus(sampled.get());
        case Fault.Drop ignored -> droppedBy = droppedBy.or(() -> Optional.of(rule.id()));
        case Fault.Duplicate duplicate -> duplicates = Math.max(duplicates, duplicate.times());
        case Fault.Status ignored -> throw new IllegalStateException("request fault on a webhook rule");
        case Fault.Reset ignored -> throw new IllegalStateException("request fault on a webhook rule");
        case Fault.Truncate ignored -> throw new IllegalStateException("request fault on a webhook rule");
        case Fault.Malformed ignored -> throw new IllegalStateException("request fault on a webhook rule");
        case Fault.Hang ignored -> throw new IllegalStateException("request fault on a webhook rule");
      }
    }
    return fired.isEmpty() ? WebhookDecision.NONE : new WebhookDecision(latency, droppedBy, duplicates, fired);
  }

  private static boolean inNamespace(FaultRule rule, Namespace namespace) {
    return rule.namespace().map(namespace::equals).orElse(true);
  }

  private String nextId() {
    String id;
    do {
      id = "rule-" + generatedIds.incrementAndGet();
    } while (hasId(id));
    return id;
  }

  private boolean hasId(String id) {
    return rules.stream().anyMatch(active -> active.rule.id().equals(id));
  }

  /** A rule with its counters and random source; one lock each keeps counting and drawing consistent. */
  private static final class ActiveRule {
    final FaultRule rule;
    private SplittableRandom random;
    private long matched;
    private long fired;

    ActiveRule(FaultRule rule, SplittableRandom random) {
      this.rule = rule;
      this.random = random;
    }

    /** Counts a matching call; when the rule fires, the latency it adds (zero for faults other than latency). */
    synchronized Optional<Duration> fire() {
      matched++;
      if (rule.limit().isPresent() && fired >= rule.limit().getAsLong()) {
        return Optional.empty();
      }
      boolean fires = switch (rule.trigger()) {
        case Trigger.Always always -> true;
        case Trigger.Nth nth -> matched == nth.n();
        case Trigger.Probability probability -> random.nextDouble() < probability.p();
      };
      if (!fires) {
        return Optional.empty();
      }
      fired++;
      return Optional.of(rule.fault() instanceof Fault.Latency latency ? latency.delay().sample(random) : Duration.ZERO);
    }

    synchronized void reseed(SplittableRandom fresh) {
      this.random = fresh;
    }

    synchronized RuleStatus status() {
      return new RuleStatus(rule, matched, fired);
    }
  }
}
