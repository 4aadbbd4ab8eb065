package dev.darkfactory.twin.control;

import dev.darkfactory.twin.DocumentException;
import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.TwinException;
import dev.darkfactory.twin.document.DocumentFormat;
import dev.darkfactory.twin.document.DocumentNode;
import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.document.JsonDocument;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.fault.FaultRules;
import dev.darkfactory.twin.fault.RuleStatus;
import dev.darkfactory.twin.journal.Journal;
import dev.darkfactory.twin.journal.JournalEntry;
import dev.darkfactory.twin.journal.JournalQuery;
import dev.darkfactory.twin.spi.TwinRequest;
import dev.darkfactory.twin.spi.TwinResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP control plane every twin serves on its own port under {@value #PREFIX}: reset, seed, snapshot,
 * namespaces, journal, faults, clock and ids (docs/twins.md, "Control plane"). Bodies are JSON, or YAML with a
 * YAML content type; refusals are 400 with {@code {"error": {"type": "twin_control_error", "message": ...}}}.
 */
public final class ControlPlane {

  /** The reserved path prefix: no twin may serve a vendor route under it. */
  public static final String PREFIX = "/__twin/";

  private final TwinControl control;

  public ControlPlane(TwinControl control) {
    this.control = control;
  }

  public static boolean isControlPath(String path) {
    return path.startsWith(PREFIX) || path.equals("/__twin");
  }

  public TwinResponse handle(TwinRequest request) {
    String path = request.path().equals("/__twin") ? "" : request.path().substring(PREFIX.length());
    Map<String, String> query = query(request.rawQuery());
    try {
      return route(request, path.endsWith("/") ? path.substring(0, path.length() - 1) : path, query);
    } catch (TwinException e) {
      return error(400, e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    }
  }

  private TwinResponse route(TwinRequest request, String path, Map<String, String> query) {
    String method = request.method();
    if (path.startsWith("faults/")) {
      return only(method, "DELETE", path, () -> deleteFault(path.substring("faults/".length())));
    }
    return switch (path) {
      case "" -> only(method, "GET", path, this::info);
      case "health" -> only(method, "GET", path, this::health);
      case "reset" -> only(method, "POST", path, () -> reset(query));
      case "seed" -> only(method, "POST", path, () -> seed(request, query));
      case "snapshot" -> only(method, "GET", path, () -> snapshot(query));
      case "namespaces" -> only(method, "GET", path, this::namespaces);
      case "journal" -> switch (method) {
        case "GET" -> journal(query);
        case "DELETE" -> clearJournal();
        default -> notAllowed(method, path);
      };
      case "faults" -> switch (method) {
        case "GET" -> faults();
        case "POST" -> addFaults(request);
        case "DELETE" -> clearFaults();
        default -> notAllowed(method, path);
      };
      case "clock" -> switch (method) {
        case "GET" -> clock();
        case "POST" -> setClock(request);
        default -> notAllowed(method, path);
      };
      case "ids" -> switch (method) {
        case "GET" -> ids();
        case "POST" -> setIds(request);
        default -> notAllowed(method, path);
      };
      default -> error(404, "No control endpoint " + PREFIX + path + "; see GET " + PREFIX + " for the list");
    };
  }

  private TwinResponse info() {
    ObjectNode info = Json.object().put("twin", control.twin()).put("simulated", true);
    TwinStatus status = control.status();
    info.put("status", status.state().wire()).put("detail", status.detail());
    ArrayNode endpoints = info.putArray("endpoints");
    for (String endpoint : List.of("GET /__twin/health", "POST /__twin/reset[?namespace=]", "POST /__twin/seed[?namespace=]",
        "GET /__twin/snapshot[?namespace=]", "GET /__twin/namespaces", "GET /__twin/journal[?namespace=&kind=&after=&limit=]",
        "DELETE /__twin/journal", "GET /__twin/faults", "POST /__twin/faults", "DELETE /__twin/faults",
        "DELETE /__twin/faults/{id}", "GET /__twin/clock", "POST /__twin/clock", "GET /__twin/ids", "POST /__twin/ids")) {
      endpoints.add(endpoint);
    }
    return ok(info);
  }

  private TwinResponse health() {
    TwinStatus status = control.status();
    ObjectNode body = Json.object().put("twin", control.twin()).put("status", status.state().wire()).put("detail", status.detail());
    return TwinResponse.json(status.running() ? 200 : 503, body);
  }

  private TwinResponse reset(Map<String, String> query) {
    Optional<Namespace> namespace = namespace(query);
    namespace.ifPresentOrElse(control::reset, control::reset);
    return ok(Json.object().put("reset", namespace.map(Namespace::id).orElse("all")));
  }

  private TwinResponse seed(TwinRequest request, Map<String, String> query) {
    JsonDocument document = body(request);
    Optional<Namespace> namespace = namespace(query);
    if (namespace.isPresent()) {
      control.seed(namespace.get(), document);
    } else {
      control.seed(document);
    }
    return ok(Json.object().put("seeded", namespace.map(Namespace::id).orElse("all")));
  }

  private TwinResponse snapshot(Map<String, String> query) {
    Optional<Namespace> namespace = namespace(query);
    return ok(namespace.map(control::snapshot).orElseGet(control::snapshot));
  }

  private TwinResponse namespaces() {
    ArrayNode list = Json.array();
    for (NamespaceInfo info : control.namespaces()) {
      list.addObject().put("id", info.namespace().id()).put("hint", info.namespace().hint()).put("requests", info.requests());
    }
    return ok(Json.object().set("namespaces", list));
  }

  private TwinResponse journal(Map<String, String> query) {
    JournalQuery journalQuery = JournalQuery.ALL.limit(intParam(query, "limit", 1000));
    if (query.containsKey("after")) {
      journalQuery = journalQuery.after(longParam(query, "after"));
    }
    Optional<Namespace> namespace = namespace(query);
    if (namespace.isPresent()) {
      journalQuery = journalQuery.inNamespace(namespace.get().id());
    }
    if (query.containsKey("kind")) {
      String kind = query.get("kind");
      journalQuery = journalQuery.ofKind(JournalEntry.Kind.fromWire(kind).orElseThrow(() ->
          new IllegalArgumentException("kind is exchange, webhook or lifecycle, not '" + kind + "'")));
    }
    Journal journal = control.journal();
    ObjectNode body = Json.object().put("twin", control.twin()).put("dropped", journal.dropped()).put("size", journal.size())
        .put("lastSequence", journal.lastSequence()).put("maxEntries", journal.limits().maxEntries());
    ArrayNode entries = body.putArray("entries");
    journal.entries(journalQuery).forEach(entry -> entries.add(JournalJson.entry(entry)));
    return ok(body);
  }

  private TwinResponse clearJournal() {
    control.journal().clear();
    return ok(Json.object().put("cleared", true));
  }

  private TwinResponse faults() {
    ArrayNode rules = Json.array();
    for (RuleStatus status : control.faults().status()) {
      rules.add(FaultRules.toJson(status));
    }
    return ok(Json.object().set("faults", rules));
  }

  private TwinResponse addFaults(TwinRequest request) {
    List<FaultRule> added = control.addFaults(body(request));
    ArrayNode rules = Json.array();
    added.forEach(rule -> rules.add(FaultRules.toJson(rule)));
    return ok(Json.object().set("added", rules));
  }

  private TwinResponse clearFaults() {
    control.faults().clear();
    return ok(Json.object().put("cleared", true));
  }

  private TwinResponse deleteFault(String id) {
    if (!control.faults().remove(id)) {
      return error(404, "No fault rule '" + id + "'; GET " + PREFIX + "faults lists them");
    }
    return ok(Json.object().put("removed", id));
  }

  private TwinResponse clock() {
    var reading = control.clock();
    return ok(Json.object().put("mode", reading.mode().name().toLowerCase(java.util.Locale.ROOT)).put("now", reading.now().toString()));
  }

  private TwinResponse setClock(TwinRequest request) {
    DocumentNode body = body(request).root().requireObject("a clock change").allowOnly(Set.of("set", "advance", "system"));
    if (body.fieldNames().size() != 1) {
      throw body.error("a clock change has exactly one of: {\"set\": \"2026-01-01T00:00:00Z\"}, {\"advance\": \"1h\"},"
          + " {\"system\": true}");
    }
    body.get("set").ifPresent(set -> control.setClock(TwinControl.instant(set)));
    body.get("advance").ifPresent(advance -> control.advanceClock(advance.duration()));
    body.get("system").ifPresent(system -> {
      if (!system.bool()) {
        throw system.error("write {\"system\": true} to follow the system clock again");
      }
      control.useSystemClock();
    });
    return clock();
  }

  private TwinResponse ids() {
    return ok(Json.object().put("seed", control.idSeed()));
  }

  private TwinResponse setIds(TwinRequest request) {
    DocumentNode body = body(request).root().requireObject("an id seed").allowOnly(Set.of("seed"));
    control.idSeed(body.require("seed").integer());
    return ids();
  }

  private static JsonDocument body(TwinRequest request) {
    String text = request.bodyText();
    if (text.isBlank()) {
      throw new DocumentException("request body", 0, 0, "expected a JSON (or YAML) body, found none");
    }
    return JsonDocument.parse("request body", text, DocumentFormat.ofMediaType(request.contentType()));
  }

  private static Optional<Namespace> namespace(Map<String, String> query) {
    String value = query.get("namespace");
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Namespace.parse(value));
  }

  private static int intParam(Map<String, String> query, String name, int fallback) {
    String value = query.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is a whole number of 0 or more, not '" + value + "'");
    }
  }

  private static long longParam(Map<String, String> query, String name) {
    try {
      return Long.parseLong(query.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is a sequence number, not '" + query.get(name) + "'");
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.put(decode(key), decode(value));
    }
    return values;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the query has invalid percent-encoding: '" + text + "'");
    }
  }

  private static TwinResponse only(String method, String expected, String path, java.util.function.Supplier<TwinResponse> action) {
    return method.equals(expected) ? action.get() : notAllowed(method, path);
  }

  private static TwinResponse notAllowed(String method, String path) {
    return error(405, method + " is not allowed on " + PREFIX + path + "; see GET " + PREFIX + " for the list");
  }

  private static TwinResponse ok(tools.jackson.databind.JsonNode body) {
    return TwinResponse.json(200, body);
  }

  static TwinResponse error(int status, String message) {
    return TwinResponse.json(status, Json.object().set("error", Json.object().put("type", "twin_control_error")
        .put("message", message)));
  }
}
