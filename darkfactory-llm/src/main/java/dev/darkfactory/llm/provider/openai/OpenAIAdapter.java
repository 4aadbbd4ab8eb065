package dev.darkfactory.llm.provider.openai;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.EventStream;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.internal.http.HttpProviderAdapter;
import dev.darkfactory.llm.internal.http.ModelPages;
import dev.darkfactory.llm.internal.http.ProviderCall;
import dev.darkfactory.llm.internal.http.WireRequest;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAI Responses API adapter ({@code POST /v1/responses}, unified-llm-spec §2.7): the native API that
 * reports reasoning tokens for GPT-5+ models. Bearer authentication; organization and project headers when set.
 */
public final class OpenAIAdapter extends HttpProviderAdapter {

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  public OpenAIAdapter(AdapterConfig config) {
    super(config);
  }

  @Override
  public Response complete(Request request) {
    WireRequest wire = OpenAIRequestTranslator.translate(request, false, name());
    ProviderCall.JsonResponse answer = postJson(underBaseUrl("/responses"), bearerHeaders(), wire, request);
    return translateWithRateLimit(answer, body -> OpenAIResponseTranslator.translate(body, name(), wire.warnings()));
  }

  @Override
  public EventStream stream(Request request) {
    WireRequest wire = OpenAIRequestTranslator.translate(request, true, name());
    return postStream(underBaseUrl("/responses"), bearerHeaders(), wire, request,
        new OpenAIStreamTranslator(name(), request.model(), wire.warnings()));
  }

  @Override
  public Optional<List<String>> listModels() {
    // GET /models returns the whole list in one response: it is not paginated.
    return ProviderCall.modelIds(transport, name(), ModelPages.single(underBaseUrl("/models")), bearerHeaders(), "data",
        model -> model.path("id").asString());
  }
}
