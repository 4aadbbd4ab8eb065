package dev.darkfactory.pipeline.backend.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.backend.BackendSpec;
import dev.darkfactory.pipeline.backend.ScriptSource;
import dev.darkfactory.pipeline.backend.ScriptedBackend;
import dev.darkfactory.pipeline.backend.SimulationBackend;
import dev.darkfactory.pipeline.problem.BackendConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one factory of backends: which kind a spec gets, and what it refuses. No LLM call is made. */
class BackendsTest {
  /** A provider "configured" at an address nothing listens on: building a client makes no request. */
  private static final Map<String, String> PROVIDER = Map.of("OPENAI_API_KEY", "test-key", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1");

  @TempDir Path logsRoot;

  @Test
  void anOpenKindIsTheAgentWithAProviderAndTheSimulationWithout() {
    try (BackendSetup setup = Backends.create(BackendSpec.builder(PROVIDER).workdir(Path.of("/repo")).model("gpt-x").build(), logsRoot)) {
      assertThat(setup.kind()).isEqualTo(BackendKind.AGENT);
      assertThat(setup.backend()).isInstanceOf(AgentBackend.class);
      assertThat(setup.ledger()).isPresent();
      assertThat(setup.description()).isEqualTo("openai gpt-x in /repo");
      assertThat(setup.settings()).containsEntry("backend", "agent").containsEntry("model", "gpt-x");
    }
    try (BackendSetup setup = Backends.create(BackendSpec.builder(Map.of()).model("gpt-x").build(), logsRoot)) {
      assertThat(setup.kind()).isEqualTo(BackendKind.SIMULATION);
      assertThat(setup.backend()).isInstanceOf(SimulationBackend.class);
      assertThat(setup.ledger()).isEmpty();
      assertThat(setup.settings()).containsEntry("backend", "simulation").doesNotContainKey("model");
    }
    assertThat(Backends.available(PROVIDER)).containsExactly(BackendKind.AGENT, BackendKind.SIMULATION, BackendKind.SCRIPTED);
    assertThat(Backends.available(Map.of())).containsExactly(BackendKind.SIMULATION, BackendKind.SCRIPTED);
  }

  @Test
  void theAgentAskedForWithNoProviderOrAnUnconfiguredOneIsRefused() {
    assertThatThrownBy(() -> Backends.create(BackendSpec.builder(Map.of()).kind(BackendKind.AGENT).build(), logsRoot))
        .isInstanceOf(BackendConfigurationException.class).hasMessageContaining("needs an LLM provider").hasMessageContaining("--backend simulate");
    assertThatThrownBy(() -> Backends.create(BackendSpec.builder(PROVIDER).provider("anthropic").build(), logsRoot))
        .isInstanceOf(BackendConfigurationException.class).hasMessage("provider 'anthropic' is not configured (configured: openai): set its API key variable");
  }

  @Test
  void theScriptedBackendReadsItsScriptAndNeedsOne() {
    BackendSpec spec = BackendSpec.builder(Map.of()).kind(BackendKind.SCRIPTED)
        .script(ScriptSource.text(Path.of("script.json"), "{\"nodes\": {}}")).build();
    try (BackendSetup setup = Backends.create(spec, logsRoot)) {
      assertThat(setup.backend()).isInstanceOf(ScriptedBackend.class);
      assertThat(setup.description()).isEqualTo("scripted from script.json");
    }
    assertThatThrownBy(() -> Backends.create(BackendSpec.builder(Map.of()).kind(BackendKind.SCRIPTED).build(), logsRoot))
        .isInstanceOf(BackendConfigurationException.class).hasMessageContaining("needs a script");
  }
}
