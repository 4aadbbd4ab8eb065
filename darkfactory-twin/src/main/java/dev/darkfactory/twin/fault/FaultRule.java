package dev.darkfactory.twin.fault;

import dev.darkfactory.twin.Namespace;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One fault rule: on which calls ({@link Target}, optionally one {@link Namespace}, a {@link Trigger}, at most
 * {@code limit} times) to do what ({@link Fault}) and when ({@link Phase}). An empty id is given one when the rule
 * is added to a {@link FaultSet}.
 *
 * <pre>{@code
 * FaultRule.newBuilder().route("POST /v1/payment_intents").nth(2).fault(Fault.rateLimited(Duration.ofSeconds(1))).build()
 * }</pre>
 */
public record FaultRule(String id, Target target, Optional<Namespace> namespace, Trigger trigger, OptionalLong limit, Phase phase,
    Fault fault) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]*");

  public FaultRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(fault, "fault");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("A rule id uses letters, digits, '_', '.' and '-' only: '" + id + "'");
    }
    if (limit.isPresent() && limit.getAsLong() < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit.getAsLong());
    }
    switch (target) {
      case Target.Route route -> {
        if (!Fault.appliesToRequests(fault)) {
          throw new IllegalArgumentException("'" + Fault.kind(fault) + "' applies to webhooks: give the rule a webhook event type,"
              + " not a route");
        }
      }
      case Target.Webhook webhook -> {
        if (!Fault.appliesToWebhooks(fault)) {
          throw new IllegalArgumentException("'" + Fault.kind(fault) + "' applies to HTTP requests: give the rule a route, not a"
              + " webhook event type (webhooks take latency, drop and duplicate)");
        }
      }
    }
    if (phase == Phase.BEFORE && (fault instanceof Fault.Truncate || fault instanceof Fault.Malformed)) {
      throw new IllegalArgumentException("'" + Fault.kind(fault) + "' changes the twin's real response, so it applies after the"
          + " request is handled (phase: after)");
    }
  }

  public FaultRule withId(String newId) {
    return new FaultRule(newId, target, namespace, trigger, limit, phase, fault);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds rules from Java; the defaults are every call, no limit, and the fault's natural phase. */
  public static final class Builder {
    private String id = "";
    private Target target;
    private Namespace namespace;
    private Trigger trigger = Trigger.always();
    private OptionalLong limit = OptionalLong.empty();
    private Phase phase;
    private Fault fault;

    private Builder() {}

    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /** {@code "POST /v1/charges"}, {@code "GET /v1/customers/*"}, or a path alone for any method. */
    public Builder route(String route) {
      this.target = Target.route(route);
      return this;
    }

    /** Webhooks of an event type glob ({@code "charge.*"}). */
    public Builder webhook(String eventType) {
      this.target = Target.webhook(eventType);
      return this;
    }

    public Builder target(Target value) {
      this.target = value;
      return this;
    }

    /** Only this namespace: its id or its credential. */
    public Builder namespace(String idOrCredential) {
      this.namespace = Namespace.parse(idOrCredential);
      return this;
    }

    public Builder namespace(Namespace value) {
      this.namespace = value;
      return this;
    }

    public Builder trigger(Trigger value) {
      this.trigger = value;
      return this;
    }

    public Builder nth(long n) {
      return trigger(Trigger.nth(n));
    }

    public Builder probability(double p) {
      return trigger(Trigger.probability(p));
    }

    /** Fires at most {@code times} times. */
    public Builder limit(long times) {
      this.limit = OptionalLong.of(times);
      return this;
    }

    public Builder phase(Phase value) {
      this.phase = value;
      return this;
    }

    public Builder fault(Fault value) {
      this.fault = value;
      return this;
    }

    public FaultRule build() {
      if (target == null) {
        throw new IllegalStateException("A fault rule needs a route or a webhook event type");
      }
      if (fault == null) {
        throw new IllegalStateException("A fault rule needs a fault");
      }
      Phase chosen = phase != null ? phase : naturalPhase(fault);
      return new FaultRule(id, target, Optional.ofNullable(namespace), trigger, limit, chosen, fault);
    }
  }

  /** Truncated and malformed bodies are made from the real response, so they come after; everything else before. */
  public static Phase naturalPhase(Fault fault) {
    return fault instanceof Fault.Truncate || fault instanceof Fault.Malformed ? Phase.AFTER : Phase.BEFORE;
  }
}
