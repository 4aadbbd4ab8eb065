package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.graph.Spelling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The status-file contract (attractor-spec.md Appendix C): an {@link Outcome} as the JSON object
 * written to {@code {stage_dir}/status.json}, and read back from files an agent or a script
 * wrote. Reading is strict: a misspelt status or field is an error that says what was meant, never
 * a silent default.
 */
public final class StatusFile {
  public static final String FILE_NAME = "status.json";

  /** The fields of Appendix C, plus {@code failure_reason} from 5.2. */
  public static final List<String> FIELDS =
      List.of("outcome", "preferred_label", "suggested_next_ids", "context_updates", "notes", "failure_reason");

  private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);

  private StatusFile() {}

  /** The JSON object of {@code outcome}; empty optional fields are left out. */
  public static ObjectNode toJson(Outcome outcome) {
    ObjectNode json = JsonValues.object();
    json.put("outcome", outcome.status().wire());
    if (!outcome.preferredLabel().isEmpty()) {
      json.put("preferred_label", outcome.preferredLabel());
    }
    if (!outcome.suggestedNextIds().isEmpty()) {
      ArrayNode ids = json.putArray("suggested_next_ids");
      outcome.suggestedNextIds().forEach(ids::add);
    }
    if (!outcome.contextUpdates().isEmpty()) {
      json.set("context_updates", JsonValues.toObject(outcome.contextUpdates()));
    }
    if (!outcome.notes().isEmpty()) {
      json.put("notes", outcome.notes());
    }
    if (!outcome.failureReason().isEmpty()) {
      json.put("failure_reason", outcome.failureReason());
    }
    return json;
  }

  /** Writes the object of {@link #toJson} (same fields, same order) without building a tree. */
  static void write(JsonBytes json, Outcome outcome) {
    json.beginObject();
    json.name("outcome").string(outcome.status().wire());
    if (!outcome.preferredLabel().isEmpty()) {
      json.name("preferred_label").string(outcome.preferredLabel());
    }
    if (!outcome.suggestedNextIds().isEmpty()) {
      json.name("suggested_next_ids").beginArray();
      outcome.suggestedNextIds().forEach(json::string);
      json.endArray();
    }
    if (!outcome.contextUpdates().isEmpty()) {
      json.name("context_updates").values(outcome.contextUpdates());
    }
    if (!outcome.notes().isEmpty()) {
      json.name("notes").string(outcome.notes());
    }
    if (!outcome.failureReason().isEmpty()) {
      json.name("failure_reason").string(outcome.failureReason());
    }
    json.endObject();
  }

  /**
   * Reads a status object.
   *
   * @param where names the object in error messages ("scripted.json: nodes.plan[1]")
   * @throws IllegalArgumentException naming {@code where}, the field and the fix
   */
  public static Outcome fromJson(JsonNode json, String where) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(where + ": expected a JSON object with an \"outcome\" field");
    }
    List<String> unknown = new ArrayList<>();
    json.propertyNames().forEach(name -> {
      if (!FIELD_SET.contains(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      String name = unknown.getFirst();
      String hint = Spelling.closest(name, FIELDS).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
      throw new IllegalArgumentException(where + ": unknown field \"" + name + "\"" + hint + "; the fields are " + FIELDS);
    }
    Outcome outcome = Outcome.of(status(json, where));
    outcome = outcome.withPreferredLabel(stringField(json, "preferred_label", where));
    JsonNode ids = json.get("suggested_next_ids");
    if (ids != null && !ids.isNull()) {
      if (!ids.isArray()) {
        throw new IllegalArgumentException(where + ": \"suggested_next_ids\" must be a list of node IDs");
      }
      outcome = outcome.withSuggestedNextIds(JsonValues.strings(json, "suggested_next_ids"));
    }
    JsonNode updates = json.get("context_updates");
    if (updates != null && !updates.isNull()) {
      if (!updates.isObject()) {
        throw new IllegalArgumentException(where + ": \"context_updates\" must be an object of key-value pairs");
      }
      outcome = outcome.withContextUpdates(JsonValues.fromObject(updates));
    }
    return outcome.withNotes(stringField(json, "notes", where)).withFailureReason(stringField(json, "failure_reason", where));
  }

  private static StageStatus status(JsonNode json, String where) {
    JsonNode value = json.get("outcome");
    if (value == null || !value.isString()) {
      throw new IllegalArgumentException(where + ": \"outcome\" is required: one of " + wires());
    }
    String text = value.stringValue();
    return StageStatus.fromWire(text).orElseThrow(() -> new IllegalArgumentException(
        where + ": \"" + text + "\" is not a status" + suggestion(text) + "; use one of " + wires()));
  }

  private static String suggestion(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    String guess = switch (lower) {
      case "succeeded", "successful", "ok", "pass", "passed", "done", "completed" -> "success";
      case "failed", "failure", "error" -> "fail";
      case "partial", "partial-success" -> "partial_success";
      case "skip" -> "skipped";
      default -> StageStatus.fromWire(lower).map(StageStatus::wire)
          .orElseGet(() -> Spelling.closest(text, wires()).orElse(""));
    };
    return guess.isEmpty() ? "" : " (did you mean \"" + guess + "\"?)";
  }

  private static List<String> wires() {
    return Arrays.stream(StageStatus.values()).map(StageStatus::wire).toList();
  }

  private static String stringField(JsonNode json, String field, String where) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isString()) {
      throw new IllegalArgumentException(where + ": \"" + field + "\" must be a string");
    }
    return value.stringValue();
  }
}
