package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code last_response}: the one truncation the codergen handler and the agent backend share (4.5). */
class ContextKeysTest {
  @Test
  void theLastResponseKeepsTwoHundredCharactersAndNeverHalfACharacter() {
    assertThat(ContextKeys.lastResponse("short")).isEqualTo("short");
    assertThat(ContextKeys.lastResponse("a".repeat(250))).hasSize(ContextKeys.LAST_RESPONSE_CHARS);
    String emojiAcrossTheCut = "a".repeat(199) + "\uD83D\uDE00" + "tail";
    assertThat(ContextKeys.lastResponse(emojiAcrossTheCut)).isEqualTo("a".repeat(199));
  }
}
