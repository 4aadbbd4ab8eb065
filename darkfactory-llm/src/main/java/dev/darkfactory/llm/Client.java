package dev.darkfactory.llm;

import dev.darkfactory.llm.catalog.ModelCatalog;
import dev.darkfactory.llm.catalog.ModelInfo;
import dev.darkfactory.llm.config.ProviderDeclaration;
import dev.darkfactory.llm.config.ProvidersFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The core client (unified-llm-spec §2, layer 3): holds provider adapters, routes each request by its
 * {@code provider} field or the default provider, runs middleware in onion order, and prices responses from the
 * model catalog. It holds no mutable state between calls (§2.6) and never retries (§4.1-4.2).
 */
public final class Client implements AutoCloseable {

  /** Names the providers file for {@link #fromEnv()}. */
  public static final String PROVIDERS_FILE_VARIABLE = "DARKFACTORY_PROVIDERS";
  /** Overrides which registered provider is the default. */
  public static final String DEFAULT_PROVIDER_VARIABLE = "DARKFACTORY_DEFAULT_PROVIDER";

  private final Map<String, ProviderAdapter> providers;
  private final Optional<String> defaultProvider;
  private final List<Middleware> middleware;
  private final ModelCatalog catalog;
  private final boolean rejectUnknownModels;

  private Client(Builder builder) {
    this.providers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.providers));
    this.defaultProvider = builder.defaultProvider.or(() -> providers.keySet().stream().findFirst());
    this.middleware = List.copyOf(builder.middleware);
    this.catalog = builder.catalog;
    this.rejectUnknownModels = builder.rejectUnknownModels;
    providers.values().forEach(ProviderAdapter::initialize);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A client for the providers whose keys are in the process environment (§2.2). */
  public static Client fromEnv() {
    return fromEnv(Environment.system());
  }

  /**
   * A client for the providers whose keys are set in {@code environment} (§2.2): OpenAI, Anthropic, Gemini in that
   * order (the first registered is the default unless {@value #DEFAULT_PROVIDER_VARIABLE} names another), then the
   * entries of the providers file named by {@value #PROVIDERS_FILE_VARIABLE}. Empty variables count as unset;
   * {@code *_BASE_URL} variables override endpoints.
   */
  public static Client fromEnv(Environment environment) {
    return fromEnv(environment, AdapterTimeout.defaults());
  }

  public static Client fromEnv(Environment environment, AdapterTimeout timeout) {
    Builder builder = builder();
    List<ProviderFactory> factories = factories();
    for (ProviderFactory factory : factories) {
      factory.fromEnvironment(environment, timeout).ifPresent(builder::provider);
    }
    Optional<String> file = environment.get(PROVIDERS_FILE_VARIABLE);
    if (file.isPresent()) {
      builder.declarations(ProvidersFile.load(Path.of(file.get())), environment, timeout, factories);
    }
    environment.get(DEFAULT_PROVIDER_VARIABLE).filter(builder.providers::containsKey).ifPresent(builder::defaultProvider);
    return builder.build();
  }

  private static List<ProviderFactory> factories() {
    List<ProviderFactory> factories = new ArrayList<>();
    ServiceLoader.load(ProviderFactory.class, Client.class.getClassLoader()).forEach(factories::add);
    factories.sort(Comparator.comparingInt(ProviderFactory::order));
    return factories;
  }

  /** Sends a request through the middleware to its provider and returns the full response (§4.1). */
  public Response complete(Request request) {
    Request routed = route(request);
    ProviderAdapter adapter = providers.get(routed.provider().orElseThrow());
    Middleware.Next<Response> chain = adapter::complete;
    for (int i = middleware.size() - 1; i >= 0; i--) {
      Middleware layer = middleware.get(i);
      Middleware.Next<Response> next = chain;
      chain = req -> layer.complete(req, next);
    }
    Deadline deadline = Deadline.of(routed);
    try {
      return priced(chain.proceed(deadline.request()));
    } finally {
      deadline.disarm().remove();
    }
  }

  /** Sends a request through the middleware and returns its event stream (§4.2). */
  public EventStream stream(Request request) {
    Request routed = route(request);
    ProviderAdapter adapter = providers.get(routed.provider().orElseThrow());
    Middleware.Next<EventStream> chain = adapter::stream;
    for (int i = middleware.size() - 1; i >= 0; i--) {
      Middleware layer = middleware.get(i);
      Middleware.Next<EventStream> next = chain;
      chain = req -> layer.stream(req, next);
    }
    Deadline deadline = Deadline.of(routed);
    EventStream events;
    try {
      events = chain.proceed(deadline.request());
    } catch (RuntimeException e) {
      deadline.disarm().remove();
      throw e;
    }
    return new ClosingEventStream(events.map(this::priced), deadline.disarm());
  }

  private Request route(Request request) {
    String name = request.provider().or(() -> defaultProvider).orElseThrow(() -> new ConfigurationException(
        "No provider given and no default provider configured",
        "Set a provider key such as OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY, or pass provider on the request."));
    if (!providers.containsKey(name)) {
      throw new ConfigurationException(
          "Provider '" + name + "' is not registered (registered: " + providers.keySet() + ")",
          "Set the provider's API key variable, declare it in the providers file, or register its adapter.");
    }
    if (rejectUnknownModels) {
      verifyModel(name, request.model());
    }
    ProviderAdapter adapter = providers.get(name);
    request.toolChoice().filter(choice -> !adapter.supportsToolChoice(choice.mode())).ifPresent(choice -> {
      throw new UnsupportedToolChoiceException("Provider " + name + " does not support tool choice '"
          + choice.mode().wireName() + "'");
    });
    return request.provider().isPresent() ? request : request.withProvider(name);
  }

  /**
   * Rejects a model name that nothing vouches for: not in the catalog (bundled or providers file) and not in the
   * provider's own model list. When that list cannot be had (no models endpoint, unreachable), the name passes:
   * the catalog is advisory (§2.9), so only positive evidence that a model does not exist rejects it.
   *
   * @throws NotFoundException when the provider's list was fetched and lacks the model
   */
  public void verifyModel(String provider, String model) {
    boolean catalogued = catalog.getModelInfo(provider, model).isPresent()
        || catalog.getModelInfo(model).map(info -> info.provider().equals(provider)).orElse(false);
    if (catalogued) {
      return;
    }
    ProviderAdapter adapter = Optional.ofNullable(providers.get(provider)).orElseThrow(() -> new ConfigurationException(
        "Provider '" + provider + "' is not registered", "Register it or set its API key variable."));
    Optional<List<String>> listed = adapter.listModels();
    if (listed.isPresent() && !listed.get().contains(model)) {
      throw new NotFoundException("Unknown model '" + model + "' for provider " + provider
          + ": neither the model catalog nor the provider's model list has it",
          new ProviderErrorDetails(provider, Optional.of(404), Optional.of("model_not_found"), Optional.empty(), Optional.empty()));
    }
  }

  /** A per-call timeout becomes an abort signal with a deadline, which every adapter already honours. */
  private record Deadline(Request request, AbortSignal.Registration disarm) {
    static Deadline of(Request request) {
      if (request.timeout().isEmpty()) {
        return new Deadline(request, () -> {});
      }
      AbortSignal signal = request.abortSignal().map(AbortSignal::child).orElseGet(AbortSignal::create);
      AbortSignal.Registration timer = signal.abortAfter(request.timeout().get(), "The call to " + request.model());
      AbortSignal.Registration disarm = () -> {
        timer.remove();
        signal.release();
      };
      return new Deadline(request.toBuilder().abortSignal(signal).timeout(null).build(), disarm);
    }
  }

  private StreamEvent priced(StreamEvent event) {
    if (event instanceof StreamEvent.Finish finish) {
      return new StreamEvent.Finish(finish.finishReason(), finish.usage(), priced(finish.response()));
    }
    return event;
  }

  private Response priced(Response response) {
    if (response.cost().isPresent()) {
      return response;
    }
    return response.withCost(cost(response.provider(), response.model(), response.usage()));
  }

  /** The cost of {@code usage} on a model, when the catalog knows its prices. */
  public Optional<Cost> cost(String provider, String model, Usage usage) {
    return catalog.getModelInfo(provider, model)
        .or(() -> catalog.getModelInfo(model))
        .or(() -> prefixMatch(provider, model))
        .flatMap(info -> Cost.of(info, usage));
  }

  /** Providers often answer with a dated snapshot id ("gpt-5.2-2026-01-15"); price it as its base model. */
  private Optional<ModelInfo> prefixMatch(String provider, String model) {
    return catalog.listModels(provider).stream()
        .filter(info -> model.startsWith(info.id() + "-"))
        .max(Comparator.comparingInt(info -> info.id().length()));
  }

  public ModelCatalog catalog() {
    return catalog;
  }

  /** Registered provider names in registration order. */
  public Set<String> providerNames() {
    return providers.keySet();
  }

  public Optional<ProviderAdapter> adapter(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  public Optional<String> defaultProvider() {
    return defaultProvider;
  }

  @Override
  public void close() {
    providers.values().forEach(ProviderAdapter::close);
  }

  /** Builds a {@link Client} from explicit adapters (§2.2, programmatic setup). */
  public static final class Builder {
    private final Map<String, ProviderAdapter> providers = new LinkedHashMap<>();
    private Optional<String> defaultProvider = Optional.empty();
    private final List<Middleware> middleware = new ArrayList<>();
    private ModelCatalog catalog = ModelCatalog.bundled();
    private final List<ModelInfo> declaredModels = new ArrayList<>();
    private boolean rejectUnknownModels;

    private Builder() {}

    /** Makes every call {@link #verifyModel verify} its model first (one models-list request for unknown names). */
    public Builder rejectUnknownModels(boolean value) {
      this.rejectUnknownModels = value;
      return this;
    }

    /** Registers an adapter under its name; the first registered is the default unless one is set. */
    public Builder provider(ProviderAdapter adapter) {
      providers.put(adapter.name(), adapter);
      return this;
    }

    public Builder defaultProvider(String name) {
      this.defaultProvider = Optional.of(name);
      return this;
    }

    /** Adds middleware; the first added runs outermost. */
    public Builder middleware(Middleware value) {
      middleware.add(value);
      return this;
    }

    public Builder catalog(ModelCatalog value) {
      this.catalog = value;
      return this;
    }

    /** Registers the providers of a providers file (those whose key variable is set, or that need none). */
    public Builder providersFile(Path file, Environment environment) {
      return declarations(ProvidersFile.load(file), environment, AdapterTimeout.defaults(), factories());
    }

    Builder declarations(List<ProviderDeclaration> declarations, Environment environment, AdapterTimeout timeout,
        List<ProviderFactory> factories) {
      for (ProviderDeclaration declaration : declarations) {
        boolean keyMissing = declaration.apiKeyVariable().map(name -> environment.get(name).isEmpty()).orElse(false);
        if (keyMissing) {
          continue;
        }
        ProviderFactory factory = factories.stream()
            .filter(candidate -> candidate.wireFormats().contains(declaration.wireFormat()))
            .findFirst()
            .orElseThrow(() -> new ConfigurationException(
                "No adapter speaks the wire format " + declaration.wireFormat().wireName(),
                "Use openai-responses, openai-chat, anthropic or gemini."));
        provider(factory.fromDeclaration(declaration, environment, timeout));
        declaredModels.addAll(declaration.models());
      }
      return this;
    }

    public Client build() {
      if (!declaredModels.isEmpty()) {
        catalog = catalog.with(declaredModels);
      }
      return new Client(this);
    }
  }
}
