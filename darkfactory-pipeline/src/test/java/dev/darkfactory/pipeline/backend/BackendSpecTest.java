package dev.darkfactory.pipeline.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.problem.InvalidValueException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recorded settings of a backend: written when a run starts, read back when it is resumed. */
class BackendSpecTest {
  @Test
  void anAgentSpecRoundTripsThroughItsRecordedSettings() {
    BackendSpec spec = BackendSpec.builder(Map.of()).kind(BackendKind.AGENT).provider("anthropic").model("claude").workdir(Path.of("/repo"))
        .sandbox().maxTokens(5000).maxCostUsd(new BigDecimal("1.50")).timeout(Duration.ofHours(2)).stallTimeout(Duration.ofMinutes(3)).build();
    Map<String, String> settings = spec.settings(BackendKind.AGENT);
    assertThat(settings).containsExactly(Map.entry("workdir", "/repo"), Map.entry("backend", "agent"), Map.entry("max_tokens", "5000"),
        Map.entry("max_cost_usd", "1.50"), Map.entry("timeout", "2h"), Map.entry("provider", "anthropic"), Map.entry("model", "claude"),
        Map.entry("sandbox", "true"), Map.entry("stall_timeout", "3m"));
    assertThat(BackendSpec.builder(Map.of()).recorded(settings).build()).isEqualTo(spec);
  }

  @Test
  void theBudgetsAreRecordedWhateverTheBackendAndTheAgentsChoicesOnlyForTheAgent() {
    BackendSpec spec = BackendSpec.builder(Map.of()).provider("openai").maxTokens(10).maxCostUsd(new BigDecimal("2")).timeout(Duration.ofMinutes(30))
        .workdir(Path.of("/w")).build();
    assertThat(spec.settings(BackendKind.SIMULATION)).containsExactly(Map.entry("workdir", "/w"), Map.entry("backend", "simulation"),
        Map.entry("max_tokens", "10"), Map.entry("max_cost_usd", "2"), Map.entry("timeout", "30m"));
    BackendSpec scripted = BackendSpec.builder(Map.of()).script(ScriptSource.file(Path.of("/s/outcomes.json"))).workdir(Path.of("/w")).build();
    assertThat(scripted.settings(BackendKind.SCRIPTED)).containsEntry("scripted_file", "/s/outcomes.json");
  }

  @Test
  void laterChoicesWinOverRecordedOnesAndAnUnknownRecordedKindIsTheSimulation() {
    BackendSpec spec = BackendSpec.builder(Map.of()).recorded(Map.of("backend", "agent", "model", "old")).model("new").build();
    assertThat(spec.kind()).contains(BackendKind.AGENT);
    assertThat(spec.model()).contains("new");
    assertThat(BackendSpec.builder(Map.of()).recorded(Map.of("backend", "from-the-future")).build().kind()).contains(BackendKind.SIMULATION);
    assertThat(BackendSpec.builder(Map.of()).build().kind()).isEmpty();
  }

  @Test
  void passedVariableNamesAreRecordedForEveryKindAndGivenNamesReplaceThem() {
    BackendSpec spec = BackendSpec.builder(Map.of()).workdir(Path.of("/w")).passEnv(java.util.List.of("NPM_TOKEN", "DATABASE_URL")).build();
    for (BackendKind kind : BackendKind.values()) {
      assertThat(spec.settings(kind)).as(kind.wire()).containsEntry("pass_env", "NPM_TOKEN,DATABASE_URL");
    }
    Map<String, String> recorded = spec.settings(BackendKind.SIMULATION);
    assertThat(BackendSpec.builder(Map.of()).recorded(recorded).build().passEnv()).containsExactly("NPM_TOKEN", "DATABASE_URL");
    assertThat(BackendSpec.builder(Map.of()).recorded(recorded).passEnv(java.util.List.of("GH_PAT")).build().passEnv()).containsExactly("GH_PAT");
    assertThat(BackendSpec.builder(Map.of()).workdir(Path.of("/w")).build().settings(BackendKind.SIMULATION)).doesNotContainKey("pass_env");
  }

  @Test
  void eachKindHasOneNameAndTheSimulationAlsoAnswersToSimulate() {
    assertThat(BackendKind.names()).containsExactly("agent", "simulation", "scripted");
    assertThat(BackendKind.fromWire("simulation")).contains(BackendKind.SIMULATION);
    assertThat(BackendKind.fromWire("simulate")).contains(BackendKind.SIMULATION);
    assertThat(BackendKind.fromWire("simulated")).isEmpty();
  }

  @Test
  void aBudgetThatIsNotPositiveIsRefusedWhereverItComesFrom() {
    BackendSpec.Builder builder = BackendSpec.builder(Map.of());
    assertThatThrownBy(() -> builder.maxTokens(-5))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("max_tokens must be a whole number of tokens greater than 0, such as 50000, not -5");
    assertThatThrownBy(() -> builder.maxCostUsd(new BigDecimal("-1")))
        .hasMessage("max_cost_usd must be a number of US dollars greater than 0, such as 5 or 0.50, not -1");
    assertThatThrownBy(() -> builder.recorded(Map.of("max_tokens", "0")))
        .hasMessageContaining("max_tokens must be a whole number of tokens greater than 0");
  }
}
