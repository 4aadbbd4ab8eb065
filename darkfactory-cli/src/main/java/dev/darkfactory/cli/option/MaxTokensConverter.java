package dev.darkfactory.cli.option;

import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.problem.InvalidValueException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --max-tokens N}: a token budget, validated by {@link RunBudget} as the HTTP API's {@code max_tokens} is. */
public final class MaxTokensConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    try {
      return RunBudget.parseMaxTokens(value);
    } catch (InvalidValueException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
