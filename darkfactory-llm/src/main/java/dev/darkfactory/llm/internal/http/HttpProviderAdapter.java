package dev.darkfactory.llm.internal.http;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.ProviderAdapter;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What every HTTP adapter shares: its configuration, one transport for the adapter's lifetime, and the POST of a
 * translated request to the provider's usual URL or to the configured endpoint override. Each adapter keeps its own
 * paths, headers and translators.
 */
public abstract class HttpProviderAdapter implements ProviderAdapter {

  protected final AdapterConfig config;
  protected final HttpTransport transport;

  protected HttpProviderAdapter(AdapterConfig config) {
    this.config = config;
    this.transport = new HttpTransport(config.timeout());
  }

  @Override
  public final String name() {
    return config.name();
  }

  /** {@code path} under the configured base URL. */
  protected final URI underBaseUrl(String path) {
    return ProviderCall.uri(config.baseUrl(), path);
  }

  /** The configured headers plus {@code Authorization: Bearer} when a key is set. */
  protected final Map<String, String> bearerHeaders() {
    Map<String, String> headers = new LinkedHashMap<>(config.defaultHeaders());
    config.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
    return headers;
  }

  /** POSTs {@code wire} to {@code usualUri} (or the endpoint override) and returns the JSON answer. */
  protected final ProviderCall.JsonResponse postJson(URI usualUri, Map<String, String> headers, WireRequest wire,
      Request request) {
    return ProviderCall.postJson(transport, name(), config.endpointOr(usualUri), headers, wire.body(), request.abortSignal());
  }

  /** Translates a JSON answer's body into a response that carries the answer's rate-limit headers. */
  protected final Response translateWithRateLimit(ProviderCall.JsonResponse answer, Function<JsonNode, Response> translation) {
    return ProviderCall.translate(name(), () -> translation.apply(answer.body()))
        .withRateLimit(RateLimitHeaders.parse(answer.headers()));
  }

  /** POSTs {@code wire} to {@code usualUri} (or the endpoint override) and opens its SSE stream. */
  protected final EventStream postStream(URI usualUri, Map<String, String> headers, WireRequest wire, Request request,
      StreamTranslator translator) {
    return ProviderCall.postStream(transport, name(), config.endpointOr(usualUri), headers, wire.body(),
        request.abortSignal(), translator);
  }

  @Override
  public void close() {
    transport.close();
  }
}
