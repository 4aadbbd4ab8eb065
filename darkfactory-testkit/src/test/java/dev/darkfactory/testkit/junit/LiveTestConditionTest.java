package dev.darkfactory.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Live tests run only when asked for, never because a provider key happens to be set. */
class LiveTestConditionTest {

  private static ConditionEvaluationResult decide(Map<String, String> environment, Map<String, String> properties) {
    return new LiveTestCondition(environment::get, properties::get).decide("OPENAI_API_KEY");
  }

  @Test
  void aKeyInTheShellAloneDoesNotRunALiveTest() {
    ConditionEvaluationResult result = decide(Map.of("OPENAI_API_KEY", "sk-real-or-fake"), Map.of());
    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason).contains("-Plive", "DARKFACTORY_LIVE_TESTS=1"));
  }

  @Test
  void theVariableOrTheProfilesPropertyRunsItWhenTheKeyIsSet() {
    assertThat(decide(Map.of("OPENAI_API_KEY", "sk", "DARKFACTORY_LIVE_TESTS", "1"), Map.of()).isDisabled()).isFalse();
    assertThat(decide(Map.of("OPENAI_API_KEY", "sk", "DARKFACTORY_LIVE_TESTS", "TRUE"), Map.of()).isDisabled()).isFalse();
    assertThat(decide(Map.of("OPENAI_API_KEY", "sk"), Map.of("darkfactory.live.tests", "true")).isDisabled()).isFalse();
  }

  @Test
  void askingWithoutTheKeySkipsAndNamesTheKey() {
    ConditionEvaluationResult result = decide(Map.of("DARKFACTORY_LIVE_TESTS", "1", "OPENAI_API_KEY", " "), Map.of());
    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason).contains("OPENAI_API_KEY is not set"));
  }

  @Test
  void anythingButOneOrTrueIsNotARequest() {
    for (String value : new String[] {"0", "false", "", "yes please"}) {
      assertThat(decide(Map.of("OPENAI_API_KEY", "sk", "DARKFACTORY_LIVE_TESTS", value), Map.of("darkfactory.live.tests", "false")).isDisabled())
          .as(value).isTrue();
    }
  }
}
