package dev.darkfactory.llm.internal.http;

import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.NetworkException;
import dev.darkfactory.llm.ProviderErrorDetails;
import dev.darkfactory.llm.RateLimitInfo;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.UnknownProviderException;
import dev.darkfactory.llm.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The HTTP exchange every adapter performs: send JSON, map error statuses, parse the body or open the stream. */
public final class ProviderCall {

  private ProviderCall() {}

  /** A successful JSON response and its headers. */
  public record JsonResponse(JsonNode body, java.net.http.HttpHeaders headers) {}

  public static JsonResponse postJson(HttpTransport transport, String provider, URI uri, Map<String, String> headers,
      JsonNode body, Optional<AbortSignal> abort) {
    HttpResult result = transport.post(uri, headers, Json.writeBytes(body), abort);
    return parse(provider, result);
  }

  public static JsonResponse getJson(HttpTransport transport, String provider, URI uri, Map<String, String> headers,
      Optional<AbortSignal> abort) {
    return parse(provider, transport.get(uri, headers, abort));
  }

  /** At most this many pages of a model list are read (20,000 models at 1,000 a page); a longer list counts as unknown. */
  public static final int MAX_MODEL_PAGES = 20;

  /**
   * The model IDs a provider's list endpoint returns, following its pagination: {@code id(model)} for
   * each element of every page's {@code listField} array. Empty when the provider has no list or
   * refuses a page, and when the list is not known whole (more than {@value #MAX_MODEL_PAGES} pages,
   * more pages announced without a cursor, or a cursor that does not move): the caller then cannot check a model name, which is
   * not an error, whereas a partial list would wrongly reject the names on its missing pages.
   */
  public static Optional<List<String>> modelIds(HttpTransport transport, String provider, ModelPages pages, Map<String, String> headers,
      String listField, Function<JsonNode, String> id) {
    List<String> ids = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    try {
      for (int page = 0; page < MAX_MODEL_PAGES; page++) {
        JsonNode body = getJson(transport, provider, pages.page().apply(cursor), headers, Optional.empty()).body();
        body.path(listField).forEach(model -> ids.add(id.apply(model)));
        Optional<String> next = pages.next().apply(body);
        if (next.isEmpty()) {
          return Optional.of(ids);
        }
        if (next.get().isBlank() || next.equals(cursor)) {
          return Optional.empty();
        }
        cursor = next;
      }
      return Optional.empty();
    } catch (LlmException e) {
      return Optional.empty();
    }
  }

  private static JsonResponse parse(String provider, HttpResult result) {
    if (!result.ok()) {
      throw ProviderErrors.fromResponse(provider, result.status(), result.headers(), result.body());
    }
    try {
      return new JsonResponse(Json.parse(result.body()), result.headers());
    } catch (JacksonException e) {
      throw new UnknownProviderException(provider + " answered HTTP " + result.status()
          + " with a body that is not valid JSON: " + e.getOriginalMessage(),
          ProviderErrorDetails.of(provider, result.status()), e);
    }
  }

  /**
   * Opens a stream. A non-2xx status is read in full and thrown as a provider error before any event is
   * produced, so callers may retry it; everything after that arrives as events.
   */
  public static EventStream postStream(HttpTransport transport, String provider, URI uri, Map<String, String> headers,
      JsonNode body, Optional<AbortSignal> abort, StreamTranslator translator) {
    return postStream(transport, provider, uri, headers, body, abort, translator, false);
  }

  /**
   * As above; with {@code acceptJsonChunks}, a {@code application/json} answer (a JSON array of chunks, Gemini's
   * non-SSE streaming form) is replayed to the translator as if each chunk had been one event.
   */
  public static EventStream postStream(HttpTransport transport, String provider, URI uri, Map<String, String> headers,
      JsonNode body, Optional<AbortSignal> abort, StreamTranslator translator, boolean acceptJsonChunks) {
    StreamingResponse response = transport.postStream(uri, headers, Json.writeBytes(body), abort);
    if (!response.ok()) {
      HttpResult result;
      try {
        result = response.readFully();
      } catch (IOException e) {
        throw new NetworkException(provider + " answered HTTP " + response.status()
            + " and the error body could not be read", e);
      }
      throw ProviderErrors.fromResponse(provider, result.status(), result.headers(), result.body());
    }
    boolean json = response.headers().firstValue("content-type").map(type -> type.contains("json")).orElse(false);
    EventStream events = acceptJsonChunks && json
        ? jsonChunks(provider, response, translator, abort)
        : new SseEventStream(response.body(), translator, abort);
    return withRateLimit(events, RateLimitHeaders.parse(response.headers()));
  }

  /**
   * The stream's rate-limit headers arrive before its first event but belong to its final response: they are put on
   * the response of the Finish event, as {@code complete()} puts them on its response.
   */
  static EventStream withRateLimit(EventStream events, Optional<RateLimitInfo> rateLimit) {
    if (rateLimit.isEmpty()) {
      return events;
    }
    return events.map(event -> event instanceof StreamEvent.Finish finish
        ? new StreamEvent.Finish(finish.finishReason(), finish.usage(), finish.response().withRateLimit(rateLimit))
        : event);
  }

  private static EventStream jsonChunks(String provider, StreamingResponse response, StreamTranslator translator,
      Optional<AbortSignal> abort) {
    StringBuilder sse = new StringBuilder();
    try {
      JsonNode chunks = Json.parse(response.readFully().body());
      for (JsonNode chunk : chunks.isArray() ? chunks : Json.array().add(chunks)) {
        sse.append("data: ").append(Json.write(chunk)).append("\n\n");
      }
    } catch (IOException | JacksonException e) {
      throw new StreamException(provider + " sent a JSON stream body that could not be read: " + e.getMessage(), e);
    }
    return new SseEventStream(new java.io.ByteArrayInputStream(sse.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        translator, abort);
  }

  /**
   * Runs a response translation; a body whose shape the translator cannot read (a field of the wrong JSON type)
   * becomes a retryable provider error instead of escaping as a Jackson exception.
   */
  public static <T> T translate(String provider, java.util.function.Supplier<T> translation) {
    try {
      return translation.get();
    } catch (JacksonException e) {
      throw new UnknownProviderException(provider + " sent a response the client could not interpret: "
          + e.getOriginalMessage(), ProviderErrorDetails.of(provider, 200), e);
    }
  }

  /** Joins a base URL and a path without doubling or dropping the slash. */
  public static URI uri(String baseUrl, String path) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return URI.create(base + (path.startsWith("/") ? path : "/" + path));
  }
}
