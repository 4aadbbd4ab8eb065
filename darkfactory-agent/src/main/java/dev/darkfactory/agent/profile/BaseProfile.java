package dev.darkfactory.agent.profile;

import dev.darkfactory.agent.InvalidConfigurationException;
import dev.darkfactory.agent.internal.Json;
import dev.darkfactory.agent.prompt.EnvironmentContext;
import dev.darkfactory.agent.prompt.SystemPrompt;
import dev.darkfactory.agent.tool.ToolRegistry;
import dev.darkfactory.llm.catalog.ModelCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the three provider profiles share: settings, a tool registry, base instructions loaded
 * from a resource, and the §6.1 prompt assembly. Subclasses choose tools, instructions and options.
 */
public abstract class BaseProfile implements ProviderProfile {
  private final ProfileSettings settings;
  private final ToolRegistry registry;
  private final ModelCatalog catalog;
  private final String baseInstructions;

  protected BaseProfile(ProfileSettings settings, ToolRegistry registry, ModelCatalog catalog, String instructionsResource) {
    this.settings = settings;
    this.registry = registry;
    this.catalog = catalog;
    this.baseInstructions = load(instructionsResource);
  }

  private static String load(String resource) {
    try (InputStream in = BaseProfile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new InvalidConfigurationException("The profile instructions " + resource + " are missing from the jar.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected ProfileSettings settings() {
    return settings;
  }

  protected ModelCatalog catalog() {
    return catalog;
  }

  /** The provider-specific base instructions (§6.2). */
  public String baseInstructions() {
    return baseInstructions;
  }

  @Override
  public String id() {
    return settings.providerId();
  }

  @Override
  public String model() {
    return settings.model();
  }

  @Override
  public ToolRegistry toolRegistry() {
    return registry;
  }

  @Override
  public String buildSystemPrompt(EnvironmentContext environment, String projectDocs) {
    return SystemPrompt.build(baseInstructions, environment, tools(), projectDocs, Optional.empty());
  }

  @Override
  public JsonNode providerOptions() {
    return Json.object();
  }

  @Override
  public boolean supportsReasoning() {
    return settings.info().map(info -> info.supportsReasoning()).orElse(true);
  }

  @Override
  public boolean supportsStreaming() {
    return true;
  }

  @Override
  public boolean supportsParallelToolCalls() {
    return true;
  }

  @Override
  public String displayName() {
    return settings.displayName();
  }

  @Override
  public Optional<String> knowledgeCutoff() {
    return settings.knowledgeCutoff();
  }

  @Override
  public Optional<Integer> defaultMaxOutputTokens() {
    return Optional.empty();
  }

  /** {@code AGENTS.md} first, then the provider's own files (§6.5). */
  protected static List<String> docs(String... providerFiles) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of("AGENTS.md"), java.util.Arrays.stream(providerFiles)).toList();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id() + "/" + model() + ", tools=" + registry.names() + "]";
  }
}
