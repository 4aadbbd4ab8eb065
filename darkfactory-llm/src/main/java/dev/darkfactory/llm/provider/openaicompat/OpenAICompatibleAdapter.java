package dev.darkfactory.llm.provider.openaicompat;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.ProviderAdapter;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.internal.http.HttpTransport;
import dev.darkfactory.llm.internal.http.ProviderCall;
import dev.darkfactory.llm.internal.http.RateLimitHeaders;
import dev.darkfactory.llm.internal.http.WireRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Chat Completions adapter for OpenAI-compatible servers ({@code POST {base}/chat/completions},
 * unified-llm-spec §7.10). Distinct from {@code OpenAIAdapter}, which uses the Responses API. Usually declared in a
 * providers file rather than constructed in code.
 */
public final class OpenAICompatibleAdapter implements ProviderAdapter {

  private final AdapterConfig config;
  private final HttpTransport transport;

  public OpenAICompatibleAdapter(AdapterConfig config) {
    this.config = config;
    this.transport = new HttpTransport(config.timeout());
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Response complete(Request request) {
    WireRequest wire = OpenAICompatibleRequestTranslator.translate(request, false, name());
    ProviderCall.JsonResponse response = ProviderCall.postJson(transport, name(),
        config.endpointOr(ProviderCall.uri(config.baseUrl(), "/chat/completions")), headers(), wire.body(), request.abortSignal());
    return ProviderCall.translate(name(), () -> OpenAICompatibleResponseTranslator.translate(response.body(), name(), request.model(), wire.warnings()))
        .withRateLimit(RateLimitHeaders.parse(response.headers()));
  }

  @Override
  public EventStream stream(Request request) {
    WireRequest wire = OpenAICompatibleRequestTranslator.translate(request, true, name());
    return ProviderCall.postStream(transport, name(), config.endpointOr(ProviderCall.uri(config.baseUrl(), "/chat/completions")), headers(),
        wire.body(), request.abortSignal(), new OpenAICompatibleStreamTranslator(name(), request.model(), wire.warnings()));
  }

  @Override
  public Optional<List<String>> listModels() {
    return ProviderCall.modelIds(transport, name(), ProviderCall.uri(config.baseUrl(), "/models"), headers(), "data",
        model -> model.path("id").asString());
  }


  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>(config.defaultHeaders());
    config.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
    return headers;
  }

  @Override
  public void close() {
    transport.close();
  }
}
