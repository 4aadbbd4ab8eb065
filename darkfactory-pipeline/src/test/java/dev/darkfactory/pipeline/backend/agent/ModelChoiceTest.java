package dev.darkfactory.pipeline.backend.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.graph.Attributes;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Which provider, model and reasoning effort a stage gets (attractor-spec.md 2.6, 8.5). */
class ModelChoiceTest {
  final Client client = Client.fromEnv(Environment.of(Map.of("OPENAI_API_KEY", "k", "ANTHROPIC_API_KEY", "k")));

  @AfterEach
  void close() {
    client.close();
  }

  static Node node(String... attributes) {
    return Node.of("work", Attributes.ofStrings(attributes));
  }

  @Test
  void theNodeDecidesFirst() {
    ModelChoice choice = ModelChoice.resolve(node("llm_provider", "anthropic", "llm_model", "claude-opus-4-6", "reasoning_effort", "low"),
        client, Optional.of("openai"), Optional.of("gpt-5.2"));
    assertThat(choice).isEqualTo(new ModelChoice("anthropic", "claude-opus-4-6", Optional.of("low")));
  }

  @Test
  void aModelAloneBringsItsCatalogProvider() {
    assertThat(ModelChoice.resolve(node("llm_model", "claude-sonnet-4-5"), client, Optional.empty(), Optional.empty()).provider())
        .isEqualTo("anthropic");
  }

  @Test
  void thenTheDefaultsThenTheClientsDefaultProviderAndItsProfileModel() {
    assertThat(ModelChoice.resolve(node(), client, Optional.of("anthropic"), Optional.empty()))
        .isEqualTo(new ModelChoice("anthropic", "claude-sonnet-4-5", Optional.of("high")));
    assertThat(ModelChoice.resolve(node(), client, Optional.empty(), Optional.empty()).provider()).isEqualTo("openai");
  }

  @Test
  void reasoningEffortGoesOnlyToReasoningModelsUnlessTheNodeSetsIt() {
    assertThat(ModelChoice.resolve(node("llm_model", "gpt-4o", "llm_provider", "openai"), client, Optional.empty(), Optional.empty())
        .reasoningEffort()).isEmpty();
    assertThat(ModelChoice.resolve(node("llm_model", "gpt-4o", "llm_provider", "openai", "reasoning_effort", "medium"), client,
        Optional.empty(), Optional.empty()).reasoningEffort()).hasValue("medium");
  }

  @Test
  void aProviderNobodyConfiguredFailsTheStageSayingWhatToSet() {
    assertThatThrownBy(() -> ModelChoice.resolve(node("llm_provider", "gemini"), client, Optional.empty(), Optional.empty()))
        .isInstanceOf(StageConfigurationException.class).hasMessageContaining("'gemini', which is not configured", "openai, anthropic");
    try (Client none = Client.fromEnv(Environment.of(Map.of()))) {
      assertThatThrownBy(() -> ModelChoice.resolve(node(), none, Optional.empty(), Optional.empty()))
          .isInstanceOf(StageConfigurationException.class).hasMessageContaining("set OPENAI_API_KEY");
    }
  }
  @Test
  void aModelTheStylesheetAssignsIsTheModelTheStagesAgentCalls(@TempDir Path temp) {
    try (AgentRunKit kit = new AgentRunKit(temp)) {
      kit.says("Planned.").says("Implemented.").says("Reviewed.");
      RunResult result = kit.run("""
          digraph Styled {
            graph [model_stylesheet="* { llm_model: claude-opus-4-5; } .code { llm_model: claude-opus-4-6; reasoning_effort: low; } #review { llm_model: claude-haiku-4-5; }"]
            start [shape=Mdiamond]
            plan [prompt="Plan"]
            implement [prompt="Implement", class="code"]
            review [prompt="Review", llm_model="claude-sonnet-4-5"]
            done [shape=Msquare]
            start -> plan -> implement -> review -> done
          }
          """);

      assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
      List<JsonNode> requests = kit.twin.requests("/v1/messages").stream().map(r -> JsonValues.mapper().readTree(r.body())).toList();
      // 8.2-8.3: the universal rule, then the class rule; an explicit node attribute beats even an ID rule.
      assertThat(requests).extracting(r -> r.path("model").asString())
          .containsExactly("claude-opus-4-5", "claude-opus-4-6", "claude-sonnet-4-5");
      // The class rule's reasoning effort reaches the request as Anthropic's "low" thinking budget.
      assertThat(requests.get(1).path("thinking").path("budget_tokens").asInt()).isEqualTo(1024);
    }
  }
}
