package dev.darkfactory.llm.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Cost;
import dev.darkfactory.llm.Usage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  private final ModelCatalog catalog = ModelCatalog.bundled();

  @Test
  void knowsTheSpecsTopModelsWithPrices() {
    for (String id : new String[] {"claude-opus-4-6", "claude-sonnet-4-5", "gpt-5.2", "gpt-5.2-codex", "gemini-3.1-pro-preview", "gemini-3-flash-preview"}) {
      assertThat(catalog.getModelInfo(id)).as(id).hasValueSatisfying(info -> {
        assertThat(info.contextWindow()).isPositive();
        assertThat(info.priced()).isTrue();
        assertThat(info.supportsTools()).isTrue();
      });
    }
    assertThat(catalog.getModelInfo("nonexistent")).isEmpty();
    assertThat(catalog.getModelInfo("sonnet")).map(ModelInfo::id).contains("claude-sonnet-4-5");
  }

  @Test
  void listsAndPicksTheLatestPerProviderAndCapability() {
    assertThat(catalog.listModels()).hasSizeGreaterThan(10);
    assertThat(catalog.listModels("gemini")).allMatch(model -> model.provider().equals("gemini"));
    assertThat(catalog.getLatestModel("anthropic")).map(ModelInfo::id).contains("claude-opus-4-6");
    assertThat(catalog.getLatestModel("openai")).map(ModelInfo::id).contains("gpt-5.2");
    assertThat(catalog.getLatestModel("gemini")).map(ModelInfo::id).contains("gemini-3.1-pro-preview");
    assertThat(catalog.getLatestModel("openai", Optional.of(Capability.parse("reasoning")))).map(ModelInfo::id).contains("gpt-5.2");
    assertThat(catalog.getLatestModel("nobody")).isEmpty();
  }

  @Test
  void costPricesCacheReadsAndWritesSeparately() {
    ModelInfo opus = catalog.getModelInfo("claude-opus-4-6").orElseThrow();
    Usage usage = Usage.of(1_000_000, 1_000_000).withCache(Optional.of(500_000), Optional.of(100_000));
    Cost cost = Cost.of(opus, usage).orElseThrow();
    assertThat(cost.input()).isEqualByComparingTo("2.0");
    assertThat(cost.cacheRead()).isEqualByComparingTo("0.25");
    assertThat(cost.cacheWrite()).isEqualByComparingTo("0.625");
    assertThat(cost.output()).isEqualByComparingTo("25");
    assertThat(Cost.of(ModelInfo.minimal("x", "y"), usage)).isEmpty();
  }
}
