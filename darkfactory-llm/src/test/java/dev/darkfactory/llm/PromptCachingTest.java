package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.generate.GenerateOptions;
import dev.darkfactory.llm.generate.GenerateResult;
import dev.darkfactory.llm.generate.Generator;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Prompt caching (unified-llm-spec §2.10, §8.6), measured with the twin's cache model. */
class PromptCachingTest {

  private static final String SYSTEM = "You are a careful coding agent working in a large repository. ".repeat(60);

  private static List<Usage> agenticSession(Client client, FakeProviderServer twin, String provider, int turns, boolean autoCache) {
    Generator generator = new Generator(client);
    List<Message> history = new ArrayList<>();
    List<Usage> usages = new ArrayList<>();
    for (int turn = 1; turn <= turns; turn++) {
      history.add(Message.user("Turn " + turn + ": read the next file and summarize it in detail please."));
      twin.enqueue(Reply.text("Summary of file " + turn + ": " + "it does many things. ".repeat(10)));
      GenerateOptions.Builder options = GenerateOptions.builder("model").provider(provider).system(SYSTEM).messages(history);
      if (!autoCache) {
        options.providerOptions(Json.parse("{\"anthropic\":{\"auto_cache\":false}}"));
      }
      GenerateResult result = generator.generate(options.build());
      usages.add(result.usage());
      history.add(result.response().message());
    }
    return usages;
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void fromTurnFiveMoreThanHalfTheInputIsReadFromCache(String provider) {
    try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
      List<Usage> usages = agenticSession(client, twin, provider, 6, true);
      for (Usage usage : usages.subList(4, 6)) {
        assertThat(usage.cacheReadTokens().orElse(0)).as(provider + " " + usage)
            .isGreaterThan(usage.inputTokens() / 2);
      }
    }
  }

  @Test
  void anthropicWritesOnTheFirstTurnReadsAfterAndSendsTheBetaHeader() {
    try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
      List<Usage> usages = agenticSession(client, twin, "anthropic", 3, true);
      assertThat(usages.get(0).cacheWriteTokens()).hasValueSatisfying(write -> assertThat(write).isPositive());
      assertThat(usages.get(0).cacheReadTokens()).contains(0);
      assertThat(usages.get(2).cacheReadTokens()).hasValueSatisfying(read -> assertThat(read).isPositive());
      assertThat(twin.lastRequest().header("anthropic-beta").orElse("")).contains("prompt-caching-2024-07-31");
      assertThat(twin.lastRequest().json().findValues("cache_control")).hasSizeBetween(2, 4);
    }
  }

  @Test
  void anthropicAutoCacheCanBeTurnedOff() {
    try (FakeProviderServer twin = FakeProviderServer.start(); Client client = Twins.client(twin)) {
      List<Usage> usages = agenticSession(client, twin, "anthropic", 3, false);
      assertThat(twin.lastRequest().json().findValues("cache_control")).isEmpty();
      assertThat(twin.lastRequest().header("anthropic-beta")).isEmpty();
      assertThat(usages).allMatch(usage -> usage.cacheReadTokens().orElse(0) == 0);
    }
  }
}
