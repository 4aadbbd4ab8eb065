package dev.darkfactory.twin.fault;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.document.DocumentNode;
import dev.darkfactory.twin.document.Durations;
import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.document.JsonDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fault rules as documents (JSON or YAML): a rule, a list of rules, or {@code {"faults": [...]}}. Refusals carry
 * {@code file:line:column} and say what was expected. See docs/twins.md for the format.
 *
 * <pre>
 * - id: slow-confirms
 *   route: POST /v1/payment_intents/&#42;/confirm
 *   namespace: sk_test_alice
 *   probability: 0.25
 *   fault: {latency: {uniform: [50ms, 150ms]}}
 * - route: POST /v1/refunds
 *   nth: 2
 *   fault: {status: 429, retryAfter: 1s}
 * - webhook: charge.*
 *   fault: drop
 * </pre>
 */
public final class FaultRules {

  private static final Set<String> RULE_FIELDS =
      Set.of("id", "route", "webhook", "namespace", "nth", "probability", "limit", "phase", "fault");
  private static final Set<String> FAULT_KINDS =
      Set.of("latency", "status", "reset", "truncate", "malformed", "hang", "drop", "duplicate");

  private FaultRules() {}

  public static List<FaultRule> read(Path file) {
    return parse(JsonDocument.read(file));
  }

  public static List<FaultRule> parse(JsonDocument document) {
    DocumentNode root = document.root();
    List<DocumentNode> rules;
    if (root.json().isArray()) {
      rules = root.elements("fault rules");
    } else if (root.json().isObject() && root.json().has("faults")) {
      root.allowOnly(Set.of("faults"));
      rules = root.require("faults").elements("fault rules");
    } else if (root.json().isObject()) {
      rules = List.of(root);
    } else {
      throw root.error("expected a fault rule (an object), a list of rules, or {\"faults\": [...]}");
    }
    List<FaultRule> parsed = new ArrayList<>();
    for (DocumentNode rule : rules) {
      parsed.add(rule(rule));
    }
    return parsed;
  }

  private static FaultRule rule(DocumentNode node) {
    node.requireObject("a fault rule").allowOnly(RULE_FIELDS);
    Optional<DocumentNode> route = node.get("route");
    Optional<DocumentNode> webhook = node.get("webhook");
    if (route.isPresent() == webhook.isPresent()) {
      throw node.error("a fault rule needs exactly one of 'route' (\"POST /v1/charges\") or 'webhook' (\"charge.*\")");
    }
    Target target = route.isPresent() ? Target.route(nonBlank(route.get(), "a route")) : Target.webhook(nonBlank(webhook.get(),
        "an event type"));
    if (target instanceof Target.Route r && !r.path().pattern().startsWith("/")) {
      throw route.get().error("a route's path starts with '/': \"POST /v1/charges\" or \"/v1/charges\"");
    }
    if (node.get("nth").isPresent() && node.get("probability").isPresent()) {
      throw node.error("a fault rule fires on the n-th call or with a probability, not both");
    }
    Trigger trigger = node.get("nth").map(n -> {
      long value = n.integer();
      if (value < 1) {
        throw n.error("nth counts calls from 1, found " + value);
      }
      return Trigger.nth(value);
    }).or(() -> node.get("probability").map(p -> {
      double value = p.number();
      if (!(value >= 0 && value <= 1)) {
        throw p.error("a probability is between 0 and 1, found " + value);
      }
      return Trigger.probability(value);
    })).orElse(Trigger.always());
    OptionalLong limit = node.get("limit").map(l -> {
      long value = l.integer();
      if (value < 1) {
        throw l.error("limit is at least 1, found " + value);
      }
      return OptionalLong.of(value);
    }).orElse(OptionalLong.empty());
    DocumentNode faultNode = node.require("fault");
    Fault fault = fault(faultNode);
    Phase phase = node.get("phase").map(FaultRules::phase).orElse(FaultRule.naturalPhase(fault));
    String id = node.get("id").map(DocumentNode::text).orElse("");
    try {
      return new FaultRule(id, target, node.get("namespace").map(n -> Namespace.parse(nonBlank(n, "a namespace"))), trigger, limit,
          phase, fault);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static Phase phase(DocumentNode node) {
    return switch (node.text()) {
      case "before" -> Phase.BEFORE;
      case "after" -> Phase.AFTER;
      default -> throw node.error("expected 'before' or 'after', found '" + node.text() + "'");
    };
  }

  private static Fault fault(DocumentNode node) {
    if (node.json().isString()) {
      return switch (node.text()) {
        case "reset" -> Fault.reset();
        case "malformed" -> Fault.malformed();
        case "hang" -> Fault.hang();
        case "drop" -> Fault.drop();
        case "duplicate" -> Fault.duplicate(1);
        case "truncate" -> Fault.truncate();
        default -> throw node.error("expected a fault: one of reset, malformed, hang, drop, duplicate, truncate, or an object such"
            + " as {latency: 200ms} or {status: 429}; found '" + node.text() + "'");
      };
    }
    node.requireObject("a fault");
    List<String> kinds = node.fieldNames().stream().filter(FAULT_KINDS::contains).toList();
    if (kinds.size() != 1) {
      node.allowOnly(union(FAULT_KINDS, Set.of("retryAfter", "message")));
      throw node.error("a fault has exactly one kind (one of " + String.join(", ", FAULT_KINDS.stream().sorted().toList())
          + "), found " + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
    }
    String kind = kinds.get(0);
    node.allowOnly(kind.equals("status") ? Set.of("status", "retryAfter", "message") : Set.of(kind));
    DocumentNode value = node.require(kind);
    return switch (kind) {
      case "latency" -> new Fault.Latency(delay(value));
      case "status" -> status(node, value);
      case "truncate" -> {
        value.requireObject("truncate options").allowOnly(Set.of("bytes"));
        OptionalInt bytes = value.get("bytes").map(b -> OptionalInt.of((int) nonNegative(b))).orElse(OptionalInt.empty());
        yield new Fault.Truncate(bytes);
      }
      case "hang" -> {
        value.requireObject("hang options").allowOnly(Set.of("max"));
        yield new Fault.Hang(value.get("max").map(DocumentNode::duration));
      }
      case "duplicate" -> {
        value.requireObject("duplicate options").allowOnly(Set.of("times"));
        long times = value.get("times").map(DocumentNode::integer).orElse(1L);
        if (times < 1 || times > 100) {
          throw value.error("times is between 1 and 100, found " + times);
        }
        yield Fault.duplicate((int) times);
      }
      case "reset" -> emptyOptions(value, Fault.reset());
      case "malformed" -> emptyOptions(value, Fault.malformed());
      default -> emptyOptions(value, Fault.drop());
    };
  }

  private static Fault emptyOptions(DocumentNode value, Fault fault) {
    if (value.json().isBoolean() && value.bool()) {
      return fault;
    }
    value.requireObject(Fault.kind(fault) + " options (write {} or true)").allowOnly(Set.of());
    return fault;
  }

  private static Fault status(DocumentNode rule, DocumentNode value) {
    long code = value.integer();
    if (code < 400 || code > 599) {
      throw value.error("a fault status is an error status between 400 and 599, found " + code);
    }
    Optional<Duration> retryAfter = rule.get("retryAfter").map(r -> r.json().isNumber()
        ? Duration.ofMillis(Math.round(r.number() * 1000)) : r.duration());
    return new Fault.Status((int) code, retryAfter, rule.get("message").map(DocumentNode::text));
  }

  private static Delay delay(DocumentNode node) {
    if (node.json().isString()) {
      return new Delay.Fixed(node.duration());
    }
    node.requireObject("a latency: a duration (200ms) or one of {fixed}, {uniform: [min, max]}, {normal: {mean, stddev}},"
        + " {exponential: mean}");
    List<String> kinds = node.fieldNames();
    if (kinds.size() != 1) {
      throw node.error("a latency has exactly one of fixed, uniform, normal, exponential");
    }
    node.allowOnly(Set.of("fixed", "uniform", "normal", "exponential"));
    DocumentNode value = node.require(kinds.get(0));
    try {
      return switch (kinds.get(0)) {
        case "fixed" -> new Delay.Fixed(value.duration());
        case "uniform" -> {
          List<DocumentNode> bounds = value.elements("[min, max]");
          if (bounds.size() != 2) {
            throw value.error("uniform takes [min, max], found " + bounds.size() + " values");
          }
          yield new Delay.Uniform(bounds.get(0).duration(), bounds.get(1).duration());
        }
        case "normal" -> {
          value.requireObject("{mean, stddev}").allowOnly(Set.of("mean", "stddev"));
          yield new Delay.Normal(value.require("mean").duration(), value.require("stddev").duration());
        }
        default -> new Delay.Exponential(value.duration());
      };
    } catch (IllegalArgumentException e) {
      throw value.error(e.getMessage());
    }
  }

  private static String nonBlank(DocumentNode node, String what) {
    String text = node.text();
    if (text.isBlank()) {
      throw node.error("expected " + what + ", found an empty string");
    }
    return text;
  }

  private static long nonNegative(DocumentNode node) {
    long value = node.integer();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw node.error("expected a byte count of 0 or more, found " + value);
    }
    return value;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** A rule in the document format (so a listing can be saved and loaded again). */
  public static ObjectNode toJson(FaultRule rule) {
    ObjectNode json = Json.object().put("id", rule.id());
    switch (rule.target()) {
      case Target.Route route -> json.put("route", route.toString());
      case Target.Webhook webhook -> json.put("webhook", webhook.toString());
    }
    rule.namespace().ifPresent(namespace -> json.put("namespace", namespace.id()));
    switch (rule.trigger()) {
      case Trigger.Always always -> { }
      case Trigger.Nth nth -> json.put("nth", nth.n());
      case Trigger.Probability probability -> json.put("probability", probability.p());
    }
    rule.limit().ifPresent(limit -> json.put("limit", limit));
    json.put("phase", rule.phase().wire());
    json.set("fault", faultJson(rule.fault()));
    return json;
  }

  public static ObjectNode toJson(RuleStatus status) {
    ObjectNode json = toJson(status.rule());
    json.put("matched", status.matched()).put("fired", status.fired());
    return json;
  }

  private static JsonNode faultJson(Fault fault) {
    ObjectNode json = Json.object();
    switch (fault) {
      case Fault.Latency latency -> json.set("latency", delayJson(latency.delay()));
      case Fault.Status status -> {
        json.put("status", status.status());
        status.retryAfter().ifPresent(after -> json.put("retryAfter", Durations.format(after)));
        status.message().ifPresent(message -> json.put("message", message));
      }
      case Fault.Reset reset -> json.set("reset", Json.object());
      case Fault.Truncate truncate -> {
        ObjectNode options = json.putObject("truncate");
        truncate.bytes().ifPresent(bytes -> options.put("bytes", bytes));
      }
      case Fault.Malformed malformed -> json.set("malformed", Json.object());
      case Fault.Hang hang -> {
        ObjectNode options = json.putObject("hang");
        hang.max().ifPresent(max -> options.put("max", Durations.format(max)));
      }
      case Fault.Drop drop -> json.set("drop", Json.object());
      case Fault.Duplicate duplicate -> json.putObject("duplicate").put("times", duplicate.times());
    }
    return json;
  }

  private static JsonNode delayJson(Delay delay) {
    return switch (delay) {
      case Delay.Fixed fixed -> Json.MAPPER.getNodeFactory().stringNode(Durations.format(fixed.duration()));
      case Delay.Uniform uniform -> {
        ObjectNode json = Json.object();
        ArrayNode bounds = json.putArray("uniform");
        bounds.add(Durations.format(uniform.min())).add(Durations.format(uniform.max()));
        yield json;
      }
      case Delay.Normal normal -> {
        ObjectNode json = Json.object();
        json.putObject("normal").put("mean", Durations.format(normal.mean())).put("stddev", Durations.format(normal.stddev()));
        yield json;
      }
      case Delay.Exponential exponential -> Json.object().put("exponential", Durations.format(exponential.mean()));
    };
  }
}
