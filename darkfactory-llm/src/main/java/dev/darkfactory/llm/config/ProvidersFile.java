package dev.darkfactory.llm.config;

import dev.darkfactory.llm.catalog.ModelCatalog;
import dev.darkfactory.llm.catalog.ModelInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a providers file: JSON declaring OpenAI-compatible gateways and other endpoints as data.
 *
 * <pre>{@code
 * {"providers": [
 *   {"name": "ollama", "base_url": "http://localhost:11434/v1", "wire_format": "openai-chat",
 *    "models": [{"id": "llama3.2", "context_window": 128000}]},
 *   {"name": "openrouter", "base_url": "https://openrouter.ai/api/v1", "api_key_env": "OPENROUTER_API_KEY",
 *    "wire_format": "openai-chat", "headers": {"X-Title": "Dark Factory"}, "models": ["anthropic/claude-sonnet-4.5"]}
 * ]}
 * }</pre>
 */
public final class ProvidersFile {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ProvidersFile() {}

  public static List<ProviderDeclaration> load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the providers file " + file, e);
    }
  }

  public static List<ProviderDeclaration> parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("The providers file is not valid JSON: " + e.getOriginalMessage(), e);
    }
    List<ProviderDeclaration> declarations = new ArrayList<>();
    for (JsonNode entry : root.path("providers")) {
      declarations.add(parseEntry(entry));
    }
    return declarations;
  }

  private static ProviderDeclaration parseEntry(JsonNode entry) {
    String name = required(entry, "name");
    String baseUrl = required(entry, "base_url");
    WireFormat format = WireFormat.parse(entry.path("wire_format").asString("openai-chat"));
    Optional<String> keyVariable = entry.path("api_key_env").isString()
        ? Optional.of(entry.path("api_key_env").asString())
        : Optional.empty();
    List<ModelInfo> models = new ArrayList<>();
    for (JsonNode model : entry.path("models")) {
      models.add(model.isString() ? ModelInfo.minimal(model.asString(), name) : ModelCatalog.parseModel(model, name));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    entry.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));
    return new ProviderDeclaration(name, baseUrl, keyVariable, format, models, headers);
  }

  private static String required(JsonNode entry, String field) {
    JsonNode value = entry.path(field);
    if (!value.isString() || value.asString().isBlank()) {
      throw new IllegalArgumentException("A providers-file entry lacks '" + field + "': " + entry);
    }
    return value.asString();
  }
}
