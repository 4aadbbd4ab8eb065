package dev.darkfactory.testkit;

import dev.darkfactory.testkit.wire.Wire;
import dev.darkfactory.testkit.wire.WireEncoder.ErrorKind;
import dev.darkfactory.testkit.wire.WireFormat;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model list endpoints, each paged the way its vendor's API reference describes, so clients
 * that read only the first page fail against the twin as they would against the real API:
 *
 * <ul>
 *   <li>OpenAI {@code GET /v1/models}: the whole list in one response, not paginated.
 *   <li>Anthropic {@code GET /v1/models} (a request carrying {@code anthropic-version}): {@code limit}
 *       models a page (default 20, 1 to 1,000), {@code after_id} or {@code before_id} as cursors; the
 *       page says {@code has_more}, {@code first_id} and {@code last_id}.
 *   <li>Gemini {@code GET /v1beta/models}: {@code pageSize} models a page (default 50, larger values
 *       served as 1,000), {@code pageToken} from the previous page's {@code nextPageToken}, which is
 *       absent on the last page.
 * </ul>
 *
 * Parameters the reference rules out (a {@code limit} of 0 or 1,001, an unknown cursor, a page
 * token the twin did not issue) get a 400 in the vendor's error shape.
 */
final class ModelLists {
  static final int ANTHROPIC_DEFAULT_LIMIT = 20;
  static final int ANTHROPIC_MAX_LIMIT = 1000;
  static final int GEMINI_DEFAULT_PAGE_SIZE = 50;
  static final int GEMINI_MAX_PAGE_SIZE = 1000;
  private static final long CREATED = 1_767_225_600L;

  /** A status and a JSON body. */
  record Answer(int status, JsonNode body) {}

  private ModelLists() {}

  static Answer openAi(List<String> models) {
    ObjectNode list = Wire.object().put("object", "list");
    ArrayNode data = list.putArray("data");
    models.forEach(id -> data.addObject().put("id", id).put("object", "model").put("created", CREATED).put("owned_by", "darkfactory-twin"));
    return new Answer(200, list);
  }

  static Answer anthropic(List<String> models, String rawQuery) {
    Map<String, String> query = query(rawQuery);
    Optional<Integer> limit = integer(query.getOrDefault("limit", String.valueOf(ANTHROPIC_DEFAULT_LIMIT)));
    if (limit.isEmpty() || limit.get() < 1 || limit.get() > ANTHROPIC_MAX_LIMIT) {
      return anthropicError("limit: Input should be an integer from 1 to " + ANTHROPIC_MAX_LIMIT);
    }
    if (query.containsKey("after_id") && query.containsKey("before_id")) {
      return anthropicError("Only one of after_id and before_id may be given");
    }
    int from = 0;
    int to = Math.min(models.size(), limit.get());
    if (query.containsKey("after_id")) {
      int at = models.indexOf(query.get("after_id"));
      if (at < 0) {
        return anthropicError("after_id: no model with id '" + query.get("after_id") + "'");
      }
      from = at + 1;
      to = Math.min(models.size(), from + limit.get());
    } else if (query.containsKey("before_id")) {
      int at = models.indexOf(query.get("before_id"));
      if (at < 0) {
        return anthropicError("before_id: no model with id '" + query.get("before_id") + "'");
      }
      to = at;
      from = Math.max(0, to - limit.get());
    }
    List<String> page = models.subList(from, to);
    ObjectNode body = Wire.object();
    ArrayNode data = body.putArray("data");
    page.forEach(id -> data.addObject().put("type", "model").put("id", id).put("display_name", id).put("created_at", "2026-01-01T00:00:00Z"));
    body.put("has_more", query.containsKey("before_id") ? from > 0 : to < models.size());
    if (page.isEmpty()) {
      body.putNull("first_id");
      body.putNull("last_id");
    } else {
      body.put("first_id", page.getFirst());
      body.put("last_id", page.getLast());
    }
    return new Answer(200, body);
  }

  static Answer gemini(List<String> models, String rawQuery) {
    Map<String, String> query = query(rawQuery);
    Optional<Integer> size = integer(query.getOrDefault("pageSize", "0"));
    if (size.isEmpty() || size.get() < 0) {
      return geminiError("pageSize must be a non-negative integer");
    }
    int pageSize = size.get() == 0 ? GEMINI_DEFAULT_PAGE_SIZE : Math.min(size.get(), GEMINI_MAX_PAGE_SIZE);
    int from = 0;
    if (query.containsKey("pageToken") && !query.get("pageToken").isEmpty()) {
      Optional<Integer> offset = offset(query.get("pageToken"));
      if (offset.isEmpty() || offset.get() > models.size()) {
        return geminiError("Invalid page token: " + query.get("pageToken"));
      }
      from = offset.get();
    }
    int to = Math.min(models.size(), from + pageSize);
    ObjectNode body = Wire.object();
    ArrayNode list = body.putArray("models");
    models.subList(from, to).forEach(id -> list.addObject().put("name", "models/" + id).put("displayName", id)
        .set("supportedGenerationMethods", Wire.array().add("generateContent").add("countTokens")));
    if (to < models.size()) {
      body.put("nextPageToken", token(to));
    }
    return new Answer(200, body);
  }

  private static Answer anthropicError(String message) {
    return new Answer(400, WireFormat.ANTHROPIC.encoder().error(ErrorKind.INVALID_REQUEST, 400, message));
  }

  private static Answer geminiError(String message) {
    return new Answer(400, WireFormat.GEMINI.encoder().error(ErrorKind.INVALID_REQUEST, 400, message));
  }

  /** Page tokens are opaque to clients; the twin's encode the offset of the page they start. */
  private static String token(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("twin-models:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Integer> offset(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return text.startsWith("twin-models:") ? integer(text.substring("twin-models:".length())).filter(n -> n >= 0) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> integer(String text) {
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.put(key, value);
    }
    return values;
  }
}
