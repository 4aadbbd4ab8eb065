package dev.darkfactory.llm.provider.gemini;

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
import java.util.List;
import java.util.Optional;

/**
 * The Gemini API adapter ({@code /v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse}, unified-llm-spec §2.7, §7.3). Authenticates with the {@code key} query
 * parameter (§7.8).
 */
public final class GeminiAdapter extends HttpProviderAdapter {

  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";
  /** The largest page of {@code GET /v1beta/models}. */
  private static final int MODELS_PAGE = 1000;

  public GeminiAdapter(AdapterConfig config) {
    super(config);
  }

  @Override
  public Response complete(Request request) {
    WireRequest wire = GeminiRequestTranslator.translate(request, name());
    ProviderCall.JsonResponse answer =
        postJson(endpoint(request.model(), "generateContent", false), config.defaultHeaders(), wire, request);
    return translateWithRateLimit(answer, body -> GeminiResponseTranslator.translate(body, name(), request.model(), wire.warnings()));
  }

  @Override
  public EventStream stream(Request request) {
    WireRequest wire = GeminiRequestTranslator.translate(request, name());
    // Not the shared postStream: Gemini may answer with a JSON array of chunks instead of SSE, which is replayed.
    return ProviderCall.postStream(transport, name(), config.endpointOr(endpoint(request.model(), "streamGenerateContent", true)),
        config.defaultHeaders(), wire.body(), request.abortSignal(),
        new GeminiStreamTranslator(name(), request.model(), wire.warnings()), true);
  }

  /**
   * {@code GET /v1beta/models} pages its list (50 models by default, at most 1,000): ask for the
   * largest page and follow {@code nextPageToken} with {@code pageToken}.
   */
  @Override
  public Optional<List<String>> listModels() {
    ModelPages pages = new ModelPages(
        cursor -> URI.create(root() + "/v1beta/models?pageSize=" + MODELS_PAGE + keyQuery("&")
            + cursor.map(token -> "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).orElse("")),
        body -> ModelPages.text(body, "nextPageToken"));
    return ProviderCall.modelIds(transport, name(), pages, config.defaultHeaders(),
        "models", model -> model.path("name").asString().replaceFirst("^models/", ""));
  }


  private URI endpoint(String model, String method, boolean sse) {
    String path = "/v1beta/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + ":" + method;
    String query = sse ? "?alt=sse" + keyQuery("&") : keyQuery("?");
    return URI.create(root() + path + query);
  }

  private String keyQuery(String separator) {
    return config.apiKey().map(key -> separator + "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)).orElse("");
  }

  /** The base URL without a trailing API version, so "…/v1beta" and "…" both work. */
  private String root() {
    String base = config.baseUrl();
    return base.endsWith("/v1beta") ? base.substring(0, base.length() - "/v1beta".length()) : base;
  }
}
