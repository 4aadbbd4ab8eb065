package dev.darkfactory.llm.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.AuthenticationException;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.generate.GenerateOptions;
import dev.darkfactory.llm.generate.GenerateResult;
import dev.darkfactory.llm.generate.Generator;
import dev.darkfactory.llm.generate.StreamResult;
import dev.darkfactory.llm.generate.Tool;
import dev.darkfactory.testkit.junit.LiveTest;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against the real providers, with cheap models. Each test runs only when live tests are asked for ({@code -Plive}
 * or {@code DARKFACTORY_LIVE_TESTS=1}) and its provider's key is set, and is reported as skipped otherwise; a key in
 * the shell alone never runs it. Override a model with LIVE_MODEL_OPENAI / _ANTHROPIC / _GEMINI.
 */
class LiveProviderTest {

  private static void roundTrip(String provider, String defaultModel) {
    String model = Environment.system().get("LIVE_MODEL_" + provider.toUpperCase()).orElse(defaultModel);
    try (Client client = Client.fromEnv()) {
      Generator generator = new Generator(client);
      GenerateResult hello = generator.generate(GenerateOptions.builder(model).provider(provider)
          .prompt("Say hello in one short sentence.").maxTokens(200).build());
      assertThat(hello.text()).isNotBlank();
      assertThat(hello.usage().inputTokens()).isPositive();
      assertThat(hello.usage().outputTokens()).isPositive();
      assertThat(hello.finishReason().reason()).isEqualTo(FinishReason.Reason.STOP);

      StreamResult stream = generator.stream(GenerateOptions.builder(model).provider(provider).prompt("Count from 1 to 5.").maxTokens(200).build());
      StringBuilder text = new StringBuilder();
      stream.forEach(event -> {
        if (event instanceof StreamEvent.TextDelta delta) {
          text.append(delta.delta());
        }
      });
      assertThat(text.toString()).isEqualTo(stream.response().text()).isNotBlank();

      Tool weather = Tool.active("get_weather", "Current weather for a city",
          JsonMapper.builder().build().readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}"),
          (args, context) -> "18C and sunny in " + args.path("city").asString());
      GenerateResult tools = generator.generate(GenerateOptions.builder(model).provider(provider).maxTokens(500)
          .prompt("What is the weather in Paris? Use the tool.").tool(weather).maxToolRounds(2).build());
      assertThat(tools.steps().size()).isGreaterThanOrEqualTo(2);
      assertThat(tools.text()).containsIgnoringCase("18");
    }
  }

  private static void badKey(String provider, String keyVariable, String model) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(keyVariable, "definitely-not-a-valid-key");
    try (Client client = Client.fromEnv(Environment.of(env))) {
      assertThatThrownBy(() -> new Generator(client).generate(GenerateOptions.builder(model).provider(provider).prompt("hi").maxRetries(0).build()))
          .isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(((LlmException) e).remedy()).isNotBlank());
    }
  }

  @LiveTest(key = "OPENAI_API_KEY")
  void openai() {
    roundTrip("openai", "gpt-5-mini");
    badKey("openai", "OPENAI_API_KEY", "gpt-5-mini");
  }

  @LiveTest(key = "ANTHROPIC_API_KEY")
  void anthropic() {
    roundTrip("anthropic", "claude-haiku-4-5");
    badKey("anthropic", "ANTHROPIC_API_KEY", "claude-haiku-4-5");
  }

  @LiveTest(key = "GEMINI_API_KEY")
  void gemini() {
    roundTrip("gemini", "gemini-2.5-flash");
    badKey("gemini", "GEMINI_API_KEY", "gemini-2.5-flash");
  }
}
