package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.spi.TwinRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * A Web API method's arguments, as Slack reads them: the query string (any HTTP method), then the body, which is
 * form-encoded ({@code application/x-www-form-urlencoded}, where a {@code token} argument may carry the token) or a
 * JSON object ({@code application/json}, where the token must be a bearer header). Slack's warnings about the
 * content type ({@code missing_charset} for JSON without {@code charset}, {@code superfluous_charset} for a form with
 * one) and its refusals ({@code invalid_json}, {@code json_not_object}, {@code invalid_post_type},
 * {@code invalid_form_data}) come from here. Unknown arguments are ignored, as Slack ignores them.
 */
final class SlackArgs {

  private final Map<String, JsonNode> values;
  private final List<String> warnings;

  private SlackArgs(Map<String, JsonNode> values, List<String> warnings) {
    this.values = values;
    this.warnings = warnings;
  }

  static SlackArgs parse(TwinRequest request) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    form(request.rawQuery()).forEach((name, value) -> values.put(name, StringNode.valueOf(value)));
    if (request.body().length == 0) {
      return new SlackArgs(values, warnings);
    }
    String contentType = request.contentType().toLowerCase(Locale.ROOT);
    String mediaType = contentType.split(";", 2)[0].trim();
    boolean charset = contentType.contains("charset=");
    switch (mediaType) {
      case "application/json" -> {
        if (!charset) {
          warnings.add("missing_charset");
        }
        JsonNode body;
        try {
          body = Json.parse(request.body());
        } catch (JacksonException e) {
          throw SlackError.of("invalid_json");
        }
        if (!body.isObject()) {
          throw SlackError.of("json_not_object");
        }
        body.properties().forEach(field -> values.put(field.getKey(), field.getValue()));
        values.remove("token"); // a JSON body's token is not read: Slack wants the bearer header
      }
      case "application/x-www-form-urlencoded", "", "text/plain" -> {
        if (charset && !mediaType.equals("text/plain")) {
          warnings.add("superfluous_charset");
        }
        form(request.bodyText()).forEach((name, value) -> values.put(name, StringNode.valueOf(value)));
      }
      case "multipart/form-data" -> throw SlackError.of("invalid_form_data");
      default -> throw SlackError.of("invalid_post_type");
    }
    return new SlackArgs(values, warnings);
  }

  /** The {@code token} argument of the query string or a form body (never of a JSON body). */
  static Optional<String> token(TwinRequest request) {
    String fromQuery = form(request.rawQuery()).get("token");
    String mediaType = request.contentType().toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
    String fromBody = null;
    if (request.body().length > 0 && (mediaType.isEmpty() || mediaType.equals("application/x-www-form-urlencoded")
        || mediaType.equals("text/plain"))) {
      fromBody = form(request.bodyText()).get("token");
    }
    return Optional.ofNullable(fromBody != null ? fromBody : fromQuery).map(String::trim).filter(t -> !t.isEmpty());
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        values.put(name, value);
      } catch (IllegalArgumentException e) {
        throw SlackError.of("invalid_form_data");
      }
    }
    return values;
  }

  List<String> warnings() {
    return warnings;
  }

  /** A non-empty string argument (a number or boolean of a JSON body as its text). */
  Optional<String> string(String name) {
    JsonNode value = values.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    String text = value.isValueNode() ? value.asString() : Json.text(value);
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  boolean bool(String name, boolean absent) {
    JsonNode value = values.get(name);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    String text = value.asString().trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no", "" -> false;
      default -> throw SlackError.invalidArguments("invalid boolean for `" + name + "`: '" + text + "'");
    };
  }

  /** An integer argument; absent (or 0, Slack's "no limit given") gives {@code absent}. */
  int integer(String name, int absent) {
    Optional<String> text = string(name);
    if (text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.get().trim());
      return value == 0 ? absent : value;
    } catch (NumberFormatException e) {
      throw SlackError.invalidArguments("invalid type for field `" + name + "`: expected an integer, got '" + text.get() + "'");
    }
  }

  /**
   * A JSON argument ({@code blocks}, {@code attachments}): an array in a JSON body, or its JSON text in a form.
   * Empty when absent; {@code invalid} is the error code when it does not parse.
   */
  Optional<JsonNode> json(String name, String invalid) {
    JsonNode value = values.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      return Optional.of(value);
    }
    if (value.asString().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.parse(value.asString()));
    } catch (JacksonException e) {
      throw SlackError.of(invalid);
    }
  }
}
