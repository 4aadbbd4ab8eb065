package dev.darkfactory.llm.provider.openaicompat;

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
 * The Chat Completions adapter for OpenAI-compatible servers ({@code POST {base}/chat/completions},
 * unified-llm-spec §7.10). Distinct from {@code OpenAIAdapter}, which uses the Responses API. Usually declared in a
 * providers file rather than constructed in code.
 */
public final class OpenAICompatibleAdapter extends HttpProviderAdapter {

  public OpenAICompatibleAdapter(AdapterConfig config) {
    super(config);
  }

  @Override
  public Response complete(Request request) {
    WireRequest wire = OpenAICompatibleRequestTranslator.translate(request, false, name());
    ProviderCall.JsonResponse answer = postJson(underBaseUrl("/chat/completions"), bearerHeaders(), wire, request);
    return translateWithRateLimit(answer,
        body -> OpenAICompatibleResponseTranslator.translate(body, name(), request.model(), wire.warnings()));
  }

  @Override
  public EventStream stream(Request request) {
    WireRequest wire = OpenAICompatibleRequestTranslator.translate(request, true, name());
    return postStream(underBaseUrl("/chat/completions"), bearerHeaders(), wire, request,
        new OpenAICompatibleStreamTranslator(name(), request.model(), wire.warnings()));
  }

  @Override
  public Optional<List<String>> listModels() {
    // GET /models returns the whole list in one response: it is not paginated.
    return ProviderCall.modelIds(transport, name(), ModelPages.single(underBaseUrl("/models")), bearerHeaders(), "data",
        model -> model.path("id").asString());
  }
}
