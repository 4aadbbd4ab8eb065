package dev.darkfactory.llm;

import dev.darkfactory.llm.catalog.ModelInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;

/**
 * What a response cost in US dollars, computed from the model catalog's list prices (unified-llm-spec §2.9). Cache
 * reads and writes are priced separately where the catalog knows their price.
 */
public record Cost(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {
  public Cost {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(cacheRead, "cacheRead");
    Objects.requireNonNull(cacheWrite, "cacheWrite");
  }

  public static Cost zero() {
    return new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /**
   * Prices {@code usage} with the model's list prices, or empty when the catalog has no prices for it. Input
   * tokens include cached ones (see {@link Usage}), so cache reads and writes are taken out of the full-price
   * input and priced at their own rate (the input rate when the catalog has none).
   */
  public static Optional<Cost> of(ModelInfo model, Usage usage) {
    if (!model.priced()) {
      return Optional.empty();
    }
    BigDecimal inputPrice = model.inputCostPerMillion().orElseThrow();
    int cacheRead = usage.cacheReadTokens().orElse(0);
    int cacheWrite = usage.cacheWriteTokens().orElse(0);
    int plainInput = Math.max(0, usage.inputTokens() - cacheRead - cacheWrite);
    return Optional.of(new Cost(
        perMillion(plainInput, inputPrice),
        perMillion(usage.outputTokens(), model.outputCostPerMillion().orElseThrow()),
        perMillion(cacheRead, model.cacheReadCostPerMillion().orElse(inputPrice)),
        perMillion(cacheWrite, model.cacheWriteCostPerMillion().orElse(inputPrice))));
  }

  private static BigDecimal perMillion(int tokens, BigDecimal price) {
    return price.multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1_000_000), MathContext.DECIMAL64);
  }

  public BigDecimal total() {
    return input.add(output).add(cacheRead).add(cacheWrite);
  }

  public Cost plus(Cost other) {
    return new Cost(
        input.add(other.input),
        output.add(other.output),
        cacheRead.add(other.cacheRead),
        cacheWrite.add(other.cacheWrite));
  }
}
