package dev.darkfactory.llm.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The known models (unified-llm-spec §2.9), loaded from a JSON data file so it can be updated without code. The
 * catalog is advisory: unknown model ids still go to the provider. Within a provider, entries are listed best and
 * newest first, which is what {@link #getLatestModel} relies on.
 */
public final class ModelCatalog {

  private static final String BUNDLED = "/dev/darkfactory/llm/catalog/models.json";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final List<ModelInfo> models;

  private ModelCatalog(List<ModelInfo> models) {
    this.models = List.copyOf(models);
  }

  /** The catalog shipped in this jar. */
  public static ModelCatalog bundled() {
    try (InputStream in = ModelCatalog.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("The bundled model catalog " + BUNDLED + " is missing from the jar");
      }
      return parse(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the bundled model catalog", e);
    }
  }

  /** A catalog from a JSON file of the same format as the bundled one. */
  public static ModelCatalog load(Path file) {
    try {
      return parse(MAPPER.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the model catalog " + file, e);
    }
  }

  public static ModelCatalog of(List<ModelInfo> models) {
    return new ModelCatalog(models);
  }

  static ModelCatalog parse(JsonNode root) {
    List<ModelInfo> models = new ArrayList<>();
    for (JsonNode entry : root.path("models")) {
      models.add(parseModel(entry, entry.path("provider").asString()));
    }
    return new ModelCatalog(models);
  }

  /** Parses one model entry of the catalog or providers-file format (snake_case keys, §2.9 field names). */
  public static ModelInfo parseModel(JsonNode entry, String provider) {
    List<String> aliases = new ArrayList<>();
    entry.path("aliases").forEach(alias -> aliases.add(alias.asString()));
    return new ModelInfo(
        entry.path("id").asString(),
        entry.path("provider").isString() ? entry.path("provider").asString() : provider,
        entry.path("display_name").isString() ? entry.path("display_name").asString() : entry.path("id").asString(),
        entry.path("context_window").asInt(0),
        entry.path("max_output").isNumber() ? Optional.of(entry.path("max_output").intValue()) : Optional.empty(),
        entry.path("supports_tools").asBoolean(true),
        entry.path("supports_vision").asBoolean(false),
        entry.path("supports_reasoning").asBoolean(false),
        price(entry, "input_cost_per_million"),
        price(entry, "output_cost_per_million"),
        price(entry, "cache_read_cost_per_million"),
        price(entry, "cache_write_cost_per_million"),
        aliases);
  }

  private static Optional<BigDecimal> price(JsonNode entry, String field) {
    JsonNode value = entry.path(field);
    return value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
  }

  /** This catalog plus {@code extra} models; an extra entry replaces a bundled one with the same id. */
  public ModelCatalog with(List<ModelInfo> extra) {
    Map<String, ModelInfo> byKey = new LinkedHashMap<>();
    for (ModelInfo model : models) {
      byKey.put(model.provider() + "/" + model.id(), model);
    }
    for (ModelInfo model : extra) {
      byKey.put(model.provider() + "/" + model.id(), model);
    }
    return new ModelCatalog(new ArrayList<>(byKey.values()));
  }

  /** The entry for an id or alias, or empty when unknown. */
  public Optional<ModelInfo> getModelInfo(String modelId) {
    return models.stream().filter(model -> model.answersTo(modelId)).findFirst();
  }

  /** The entry for an id or alias served by one provider. */
  public Optional<ModelInfo> getModelInfo(String provider, String modelId) {
    return models.stream()
        .filter(model -> model.provider().equals(provider) && model.answersTo(modelId))
        .findFirst();
  }

  public List<ModelInfo> listModels() {
    return models;
  }

  public List<ModelInfo> listModels(String provider) {
    return models.stream().filter(model -> model.provider().equals(provider)).toList();
  }

  /** The best model of a provider, optionally with a capability (§2.9 {@code get_latest_model}). */
  public Optional<ModelInfo> getLatestModel(String provider, Optional<Capability> capability) {
    return models.stream()
        .filter(model -> model.provider().equals(provider))
        .filter(model -> capability.map(model::has).orElse(true))
        .findFirst();
  }

  public Optional<ModelInfo> getLatestModel(String provider) {
    return getLatestModel(provider, Optional.empty());
  }
}
