package dev.darkfactory.llm.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One known model (unified-llm-spec §2.9), with list prices in USD per million tokens. Cache prices are an
 * extension: where absent, cached tokens are priced as ordinary input.
 */
public record ModelInfo(
    String id,
    String provider,
    String displayName,
    int contextWindow,
    Optional<Integer> maxOutput,
    boolean supportsTools,
    boolean supportsVision,
    boolean supportsReasoning,
    Optional<BigDecimal> inputCostPerMillion,
    Optional<BigDecimal> outputCostPerMillion,
    Optional<BigDecimal> cacheReadCostPerMillion,
    Optional<BigDecimal> cacheWriteCostPerMillion,
    List<String> aliases) {

  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    displayName = displayName == null ? id : displayName;
    Objects.requireNonNull(maxOutput, "maxOutput");
    Objects.requireNonNull(inputCostPerMillion, "inputCostPerMillion");
    Objects.requireNonNull(outputCostPerMillion, "outputCostPerMillion");
    Objects.requireNonNull(cacheReadCostPerMillion, "cacheReadCostPerMillion");
    Objects.requireNonNull(cacheWriteCostPerMillion, "cacheWriteCostPerMillion");
    aliases = List.copyOf(aliases);
  }

  /** A model known only by name (e.g. declared in a providers file without details). */
  public static ModelInfo minimal(String id, String provider) {
    return new ModelInfo(id, provider, id, 0, Optional.empty(), true, false, false, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  public boolean has(Capability capability) {
    return switch (capability) {
      case TOOLS -> supportsTools;
      case VISION -> supportsVision;
      case REASONING -> supportsReasoning;
    };
  }

  /** Whether both input and output prices are known, so a cost can be computed. */
  public boolean priced() {
    return inputCostPerMillion.isPresent() && outputCostPerMillion.isPresent();
  }

  public boolean answersTo(String name) {
    return id.equals(name) || aliases.contains(name);
  }
}
