package dev.darkfactory.twin.journal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of what a journal keeps, before it keeps them: credential headers (the scheme stays:
 * {@code Bearer [REDACTED]}), secret-named fields of form, query and JSON bodies ({@code password},
 * {@code client_secret}, {@code *_token}, card numbers), and anything shaped like a well-known key wherever it
 * appears ({@code sk_live_…}, {@code whsec_…}, {@code xoxb-…}, {@code ghp_…}).
 */
public final class Redactor {

  public static final String REDACTED = "[REDACTED]";

  private static final Set<String> HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
      "api-key", "x-auth-token", "x-access-token", "private-token", "x-twin-credential");
  private static final Set<String> FIELDS = Set.of("password", "passwd", "secret", "token", "api_key", "apikey", "access_token",
      "refresh_token", "id_token", "client_secret", "cvc", "cvv", "pin", "number", "private_key");
  private static final Pattern KEY_SHAPED = Pattern.compile(
      "\\b((?:sk|rk)_(?:test|live)_|whsec_|xox[abposr]-|gh[pousr]_|github_pat_)[A-Za-z0-9_\\-]{6,}");
  private static final Pattern JSON_STRING_FIELD = Pattern.compile("\"([A-Za-z0-9_\\-\\[\\]]+)\"(\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  /** A cheap first look: only a body with a field name like these needs the field-by-field pass. */
  private static final Pattern SECRETISH_NAME = Pattern.compile(
      "(?i)\"[A-Za-z0-9_\\-\\[\\]]*(?:pass|secret|token|key|cvc|cvv|pin|number)[A-Za-z0-9_\\-\\[\\]]*\"\\s*:");

  private final Set<String> headers;
  private final Set<String> fields;

  private Redactor(Set<String> headers, Set<String> fields) {
    this.headers = Set.copyOf(headers);
    this.fields = Set.copyOf(fields);
  }

  public static Redactor defaults() {
    return new Redactor(HEADERS, FIELDS);
  }

  /** The defaults plus more header names (case-insensitive) and field names to redact. */
  public Redactor with(Set<String> moreHeaders, Set<String> moreFields) {
    java.util.HashSet<String> h = new java.util.HashSet<>(headers);
    moreHeaders.forEach(name -> h.add(name.toLowerCase(Locale.ROOT)));
    java.util.HashSet<String> f = new java.util.HashSet<>(fields);
    moreFields.forEach(name -> f.add(name.toLowerCase(Locale.ROOT)));
    return new Redactor(h, f);
  }

  public Map<String, List<String>> headers(Map<String, List<String>> raw) {
    Map<String, List<String>> redacted = new LinkedHashMap<>();
    raw.forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      redacted.put(lower, values.stream().map(value -> headers.contains(lower) ? credential(value) : scrub(value)).toList());
    });
    return redacted;
  }

  /** A query string with secret-named parameters redacted. */
  public String query(String rawQuery) {
    return rawQuery.isEmpty() ? rawQuery : form(rawQuery);
  }

  /** A body, redacted by its content type (form or JSON; other text only by key shape). */
  public String body(String contentType, String body) {
    if (body.isEmpty()) {
      return body;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("x-www-form-urlencoded")) {
      return form(body);
    }
    if (type.contains("json") || body.startsWith("{") || body.startsWith("[")) {
      return json(body);
    }
    return scrub(body);
  }

  /** Whether a field name (a form key such as {@code card[number]}, or a JSON key) names a secret. */
  public boolean isSecretField(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int bracket = lower.lastIndexOf('[');
    String last = bracket >= 0 && lower.endsWith("]") ? lower.substring(bracket + 1, lower.length() - 1) : lower;
    if (last.equals("number") && !lower.startsWith("card")) {
      return false; // card[number] is a card number; a plain "number" (an invoice number) is not a secret
    }
    return fields.contains(last) || last.endsWith("_secret") || last.endsWith("_token") || last.endsWith("_password");
  }

  private String credential(String value) {
    int space = value.indexOf(' ');
    return space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED;
  }

  private String form(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (String pair : body.split("&", -1)) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (equals >= 0 && isSecretField(decode(key))) {
        out.append(key).append('=').append(REDACTED);
      } else {
        out.append(scrub(pair));
      }
    }
    return out.toString();
  }

  private String json(String body) {
    if (!SECRETISH_NAME.matcher(body).find() && fields.equals(FIELDS)) {
      return scrub(body);
    }
    Matcher matcher = JSON_STRING_FIELD.matcher(body);
    StringBuilder out = new StringBuilder(body.length());
    while (matcher.find()) {
      String replacement = isSecretField(matcher.group(1))
          ? "\"" + matcher.group(1) + "\"" + matcher.group(2) + "\"" + REDACTED + "\""
          : matcher.group();
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return scrub(out.toString());
  }

  /** Replaces key-shaped values, keeping their type prefix so a reader still sees what kind of key it was. */
  String scrub(String text) {
    Matcher matcher = KEY_SHAPED.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    return matcher.replaceAll(result -> Matcher.quoteReplacement(result.group(1) + REDACTED));
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // not valid percent-encoding: judge the name as written
    }
  }
}
