package dev.darkfactory.pipeline.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeValuesTest {

  @Test
  void validValuesAreExactlyTheFiveStatuses() {
    assertThat(OutcomeValues.ALL).containsExactly("success", "partial_success", "retry", "fail", "skipped");
    assertThat(OutcomeValues.isValid("success")).isTrue();
    assertThat(OutcomeValues.isValid("SUCCESS")).isFalse();
    assertThat(OutcomeValues.isValid("succeeded")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"succeeded, success", "failed, fail", "failure, fail", "SUCCESS, success", "sucess, success",
      "partial, partial_success", "skip, skipped", "retrying, retry", "Fail, fail"})
  void suggestsTheIntendedStatus(String written, String intended) {
    assertThat(OutcomeValues.suggest(written)).contains(intended);
  }

  @Test
  void suggestsNothingForUnrelatedWords() {
    assertThat(OutcomeValues.suggest("banana")).isEmpty();
  }
}
