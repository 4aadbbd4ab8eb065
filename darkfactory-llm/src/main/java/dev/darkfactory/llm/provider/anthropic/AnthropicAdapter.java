package dev.darkfactory.llm.provider.anthropic;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.internal.http.HttpProviderAdapter;
import dev.darkfactory.llm.internal.http.ProviderCall;
import dev.darkfactory.llm.internal.http.WireRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Anthropic Messages API adapter ({@code POST /v1/messages}, unified-llm-spec §2.7, §7.3). Authenticates with
 * {@code x-api-key}, pins {@code anthropic-version}, joins beta flags into {@code anthropic-beta} (§2.8).
 */
public final class AnthropicAdapter extends HttpProviderAdapter {

  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
  static final String API_VERSION = "2023-06-01";

  public AnthropicAdapter(AdapterConfig config) {
    super(config);
  }

  @Override
  public Response complete(Request request) {
    WireRequest wire = AnthropicRequestTranslator.translate(request, false, name());
    ProviderCall.JsonResponse answer = postJson(endpoint("/v1/messages"), headers(wire), wire, request);
    return translateWithRateLimit(answer, body -> AnthropicResponseTranslator.translate(body, name(), wire.warnings()));
  }

  @Override
  public EventStream stream(Request request) {
    WireRequest wire = AnthropicRequestTranslator.translate(request, true, name());
    return postStream(endpoint("/v1/messages"), headers(wire), wire, request,
        new AnthropicStreamTranslator(name(), request.model(), wire.warnings()));
  }

  @Override
  public Optional<List<String>> listModels() {
    return ProviderCall.modelIds(transport, name(), endpoint("/v1/models"), headers(null), "data", model -> model.path("id").asString());
  }


  private URI endpoint(String path) {
    String base = config.baseUrl().endsWith("/v1") ? config.baseUrl().substring(0, config.baseUrl().length() - 3) : config.baseUrl();
    return ProviderCall.uri(base, path);
  }

  private Map<String, String> headers(WireRequest wire) {
    Map<String, String> headers = new LinkedHashMap<>(config.defaultHeaders());
    config.apiKey().ifPresent(key -> headers.put("x-api-key", key));
    headers.put("anthropic-version", API_VERSION);
    if (wire != null) {
      headers.putAll(wire.headers());
    }
    return headers;
  }
}
