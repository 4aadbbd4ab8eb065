package dev.darkfactory.cli.option;

import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.problem.InvalidValueException;
import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --max-cost-usd USD}: a cost budget, validated by {@link RunBudget} as the HTTP API's {@code max_cost_usd} is. */
public final class MaxCostConverter implements ITypeConverter<BigDecimal> {
  @Override
  public BigDecimal convert(String value) {
    try {
      return RunBudget.parseMaxCostUsd(value);
    } catch (InvalidValueException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
