package dev.darkfactory.llm.provider.anthropic;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.internal.http.HttpProviderAdapter;
import dev.darkfactory.llm.internal.http.ModelPages;
import dev.darkfactory.llm.internal.http.ProviderCall;
import dev.darkfactory.llm.internal.http.WireRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
  /** The largest page of {@code GET /v1/models}. */
  private static final int MODELS_PAGE = 1000;

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

  /**
   * {@code GET /v1/models} pages its list (20 models by default, at most 1,000 a page): follow {@code
   * has_more} with {@code after_id} set to the page's {@code last_id}, asking for the largest pages.
   * The first page is asked for without parameters, as before pagination was followed, so servers
   * that imitate the API by its bare path keep answering it.
   */
  @Override
  public Optional<List<String>> listModels() {
    ModelPages pages = new ModelPages(
        cursor -> endpoint("/v1/models" + cursor.map(id -> "?limit=" + MODELS_PAGE + "&after_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
            .orElse("")),
        body -> body.path("has_more").asBoolean(false) ? Optional.of(body.path("last_id").asString("")) : Optional.empty());
    return ProviderCall.modelIds(transport, name(), pages, headers(null), "data", model -> model.path("id").asString());
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
