package dev.darkfactory.llm.internal.http;

import dev.darkfactory.llm.AccessDeniedException;
import dev.darkfactory.llm.AuthenticationException;
import dev.darkfactory.llm.ContentFilterException;
import dev.darkfactory.llm.ContextLengthException;
import dev.darkfactory.llm.InvalidRequestException;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.RequestTimeoutException;
import dev.darkfactory.llm.NotFoundException;
import dev.darkfactory.llm.ProviderErrorDetails;
import dev.darkfactory.llm.ProviderException;
import dev.darkfactory.llm.QuotaExceededException;
import dev.darkfactory.llm.RateLimitException;
import dev.darkfactory.llm.ServerException;
import dev.darkfactory.llm.UnknownProviderException;
import dev.darkfactory.llm.internal.json.Json;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a provider's error response into the error taxonomy (unified-llm-spec §6.4-6.5, §7.6): the status code
 * decides first, then the message and error code refine ambiguous cases, so billing exhaustion, context overflow and
 * content filtering are recognized whatever status a provider uses for them.
 */
public final class ProviderErrors {

  private ProviderErrors() {}

  public static LlmException fromResponse(String provider, int status, HttpHeaders headers, byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    Optional<JsonNode> json = Json.tryParse(text).filter(JsonNode::isContainer);
    JsonNode error = errorObject(json);
    String message = firstText(error, "message").or(() -> json.flatMap(root -> firstText(root, "message")))
        .orElse(text.isBlank() ? "HTTP " + status : abbreviate(text));
    Optional<String> code = firstText(error, "code").or(() -> firstText(error, "type")).or(() -> firstText(error, "status"));
    Optional<Duration> retryAfter = retryAfter(headers);
    ProviderErrorDetails details = new ProviderErrorDetails(provider, Optional.of(status), code, retryAfter, json);
    String described = provider + " returned HTTP " + status + ": " + message;
    return classify(status, message + " " + code.orElse("") + " " + Json.string(error, "status", ""), described, details);
  }

  /** Applies §6.4's table, then §6.5's message signals (which win for billing, context length and filtering). */
  static LlmException classify(int status, String signals, String message, ProviderErrorDetails details) {
    String lower = signals.toLowerCase(Locale.ROOT);
    if (status == 402 || mentionsQuota(lower)) {
      return new QuotaExceededException(message, details);
    }
    if (status == 413 || mentionsContextLength(lower)) {
      return new ContextLengthException(message, details);
    }
    if (mentionsContentFilter(lower)) {
      return new ContentFilterException(message, details);
    }
    return switch (status) {
      case 400, 422 -> byMessage(lower, message, details).orElseGet(() -> new InvalidRequestException(message, details));
      case 401 -> new AuthenticationException(message, details);
      case 403 -> new AccessDeniedException(message, details);
      case 404 -> new NotFoundException(message, details);
      case 408 -> new RequestTimeoutException(message);
      case 429 -> new RateLimitException(message, details);
      default -> status >= 500
          ? new ServerException(message, details)
          : byMessage(lower, message, details).orElseGet(() -> new UnknownProviderException(message, details));
    };
  }

  /** The error object: {@code {"error": {...}}}, Gemini's list form {@code [{"error": {...}}]}, or the body itself. */
  private static JsonNode errorObject(Optional<JsonNode> json) {
    if (json.isEmpty()) {
      return Json.object();
    }
    JsonNode root = json.get();
    if (root.isArray() && !root.isEmpty()) {
      root = root.get(0);
    }
    return root.has("error") && root.path("error").isObject() ? root.path("error") : root;
  }

  private static Optional<ProviderException> byMessage(String lower, String message, ProviderErrorDetails details) {
    if (lower.contains("unauthorized") || lower.contains("invalid key") || lower.contains("invalid api key")
        || lower.contains("invalid x-api-key") || lower.contains("api key not valid") || lower.contains("unauthenticated")) {
      return Optional.of(new AuthenticationException(message, details));
    }
    if (lower.contains("permission_denied")) {
      return Optional.of(new AccessDeniedException(message, details));
    }
    if (lower.contains("not found") || lower.contains("does not exist") || lower.contains("not_found")) {
      return Optional.of(new NotFoundException(message, details));
    }
    if (lower.contains("resource_exhausted") || lower.contains("rate limit")) {
      return Optional.of(new RateLimitException(message, details));
    }
    if (lower.contains("unavailable") || lower.contains("overloaded") || lower.contains("internal")) {
      return Optional.of(new ServerException(message, details));
    }
    return Optional.empty();
  }

  private static boolean mentionsQuota(String lower) {
    return lower.contains("insufficient_quota") || lower.contains("billing") || lower.contains("credit balance")
        || lower.contains("exceeded your current quota") || lower.contains("insufficient credits")
        || lower.contains("payment required") || lower.contains("quota exhausted");
  }

  private static boolean mentionsContextLength(String lower) {
    return lower.contains("context length") || lower.contains("context_length") || lower.contains("too many tokens")
        || lower.contains("prompt is too long") || lower.contains("context window")
        || lower.contains("maximum context") || lower.contains("input token count");
  }

  private static boolean mentionsContentFilter(String lower) {
    boolean safety = lower.contains("safety") && (lower.contains("block") || lower.contains("filter") || lower.contains("reject"));
    return safety || lower.contains("content filter") || lower.contains("content_filter")
        || lower.contains("content_policy") || lower.contains("content policy");
  }

  /** {@code Retry-After} in seconds (fractions allowed) or as an HTTP date; also OpenAI's retry-after-ms. */
  public static Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> millis = headers.firstValue("retry-after-ms");
    if (millis.isPresent()) {
      try {
        return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(millis.get().strip()))));
      } catch (NumberFormatException ignored) {
        // Fall back to Retry-After below.
      }
    }
    return headers.firstValue("retry-after").flatMap(ProviderErrors::parseRetryAfter);
  }

  static Optional<Duration> parseRetryAfter(String value) {
    String trimmed = value.strip();
    try {
      double seconds = Double.parseDouble(trimmed);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (java.time.format.DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> firstText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isString() && !value.stringValue().isBlank()) {
      return Optional.of(value.stringValue());
    }
    if (value.isNumber()) {
      return Optional.of(value.asString());
    }
    return Optional.empty();
  }

  private static String abbreviate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }
}
