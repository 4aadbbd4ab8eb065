package dev.darkfactory.pipeline.backend.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.problem.InvalidValueException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one validation of budgets: the CLI's options, the HTTP API's fields and the graph's attributes get these messages. */
class BudgetValidationTest {
  @Test
  void readsPositiveBudgets() {
    assertThat(RunBudget.parseMaxTokens("50000")).isEqualTo(50_000L);
    assertThat(RunBudget.parseMaxCostUsd("0.50")).isEqualByComparingTo("0.5");
    assertThat(RunBudget.parseMaxCostUsd("1e2")).isEqualByComparingTo("100");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      -5                   | max_tokens must be a whole number of tokens greater than 0, such as 50000, not -5
      0                    | max_tokens must be a whole number of tokens greater than 0, such as 50000, not 0
      lots                 | max_tokens must be a whole number of tokens greater than 0, such as 50000, not 'lots'
      1.5                  | max_tokens must be a whole number of tokens greater than 0, such as 50000, not '1.5'
      99999999999999999999 | max_tokens 99999999999999999999 is too large: the largest is 9223372036854775807
      """)
  void refusesTokenBudgetsThatAreNotPositiveWholeNumbers(String text, String message) {
    assertThatThrownBy(() -> RunBudget.parseMaxTokens(text)).isInstanceOf(InvalidValueException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      -1        | max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not -1
      0         | max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not 0
      NaN       | max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not 'NaN'
      Infinity  | max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not 'Infinity'
      1e999999  | max_cost_usd 1E+999999 is too large: the largest is 1000000000
      """)
  void refusesCostBudgetsThatAreNotPositiveOrTooLarge(String text, String message) {
    assertThatThrownBy(() -> RunBudget.parseMaxCostUsd(text)).isInstanceOf(InvalidValueException.class).hasMessage(message);
  }

  @Test
  void noBudgetOfZeroOrLessExists() {
    assertThatThrownBy(() -> new RunBudget(OptionalLong.of(-5), Optional.empty())).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new RunBudget(OptionalLong.empty(), Optional.of(BigDecimal.ZERO))).isInstanceOf(InvalidValueException.class);
  }
}
