package dev.darkfactory.testkit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.testkit.wire.Wire;
import dev.darkfactory.testkit.wire.WireFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PromptCacheTest {

  private static final String SYSTEM = "x".repeat(4000);

  private static JsonNode anthropic(String lastUser, boolean breakpoints) {
    String control = breakpoints ? ",\"cache_control\":{\"type\":\"ephemeral\"}" : "";
    return Wire.MAPPER.readTree("""
                {"model":"c","max_tokens":5,"system":[{"type":"text","text":"%s"%s}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"%s"%s}]}]}"""
        .formatted(SYSTEM, control, lastUser, control));
  }

  @Test
  void anthropicCachesOnlyUpToBreakpointsWritingFirstThenReading() {
    PromptCache cache = new PromptCache();
    PromptCache.Accounting first = cache.account(WireFormat.ANTHROPIC, anthropic("question one", true));
    assertThat(first.cacheRead()).isZero();
    assertThat(first.cacheWrite()).isEqualTo(first.input());
    PromptCache.Accounting second = cache.account(WireFormat.ANTHROPIC, anthropic("question two", true));
    assertThat(second.cacheRead()).as("the system prefix is reused").isGreaterThan(1000).isLessThan(second.input());
    assertThat(second.cacheWrite()).isPositive();
  }

  @Test
  void withoutBreakpointsAnthropicCachesNothing() {
    PromptCache cache = new PromptCache();
    cache.account(WireFormat.ANTHROPIC, anthropic("q", false));
    assertThat(cache.account(WireFormat.ANTHROPIC, anthropic("q", false)).cacheRead()).isZero();
  }

  @Test
  void automaticCachingReadsTheLongestSeenPrefix() {
    PromptCache cache = new PromptCache();
    JsonNode turn1 = Wire.MAPPER.readTree("{\"instructions\":\"" + SYSTEM + "\",\"input\":[{\"role\":\"user\",\"content\":\"a\"}]}");
    JsonNode turn2 = Wire.MAPPER.readTree("{\"instructions\":\"" + SYSTEM + "\",\"input\":[{\"role\":\"user\",\"content\":\"a\"},"
        + "{\"role\":\"assistant\",\"content\":\"b\"},{\"role\":\"user\",\"content\":\"c\"}]}");
    assertThat(cache.account(WireFormat.OPENAI_RESPONSES, turn1).cacheRead()).isZero();
    PromptCache.Accounting second = cache.account(WireFormat.OPENAI_RESPONSES, turn2);
    assertThat(second.cacheRead()).isGreaterThan(second.input() / 2);
    cache.clear();
    assertThat(cache.account(WireFormat.OPENAI_RESPONSES, turn2).cacheRead()).isZero();
  }

  @Test
  void tokensAreAboutFourCharacters() {
    assertThat(Tokens.estimate("")).isZero();
    assertThat(Tokens.estimate("a")).isEqualTo(1);
    assertThat(Tokens.estimate("abcdefgh")).isEqualTo(2);
  }
}
