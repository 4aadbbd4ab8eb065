package dev.darkfactory.llm.provider.openai;

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
 * The OpenAI Responses API adapter ({@code POST /v1/responses}, unified-llm-spec §2.7): the native API that
 * reports reasoning tokens for GPT-5+ models. Bearer authentication; organization and project headers when set.
 */
public final class OpenAIAdapter implements ProviderAdapter {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private final AdapterConfig config;
  private final HttpTransport transport;

  public OpenAIAdapter(AdapterConfig config) {
    this.config = config;
    this.transport = new HttpTransport(config.timeout());
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Response complete(Request request) {
    WireRequest wire = OpenAIRequestTranslator.translate(request, false, name());
    ProviderCall.JsonResponse response = ProviderCall.postJson(transport, name(),
        config.endpointOr(ProviderCall.uri(config.baseUrl(), "/responses")), headers(), wire.body(), request.abortSignal());
    return ProviderCall.translate(name(), () -> OpenAIResponseTranslator.translate(response.body(), name(), wire.warnings()))
        .withRateLimit(RateLimitHeaders.parse(response.headers()));
  }

  @Override
  public EventStream stream(Request request) {
    WireRequest wire = OpenAIRequestTranslator.translate(request, true, name());
    return ProviderCall.postStream(transport, name(), config.endpointOr(ProviderCall.uri(config.baseUrl(), "/responses")), headers(),
        wire.body(), request.abortSignal(), new OpenAIStreamTranslator(name(), request.model(), wire.warnings()));
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
