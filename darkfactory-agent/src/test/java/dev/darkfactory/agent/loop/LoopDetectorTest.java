package dev.darkfactory.agent.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code detect_loop} of coding-agent-loop-spec §2.10. */
class LoopDetectorTest {

  @Test
  void detectsPatternsOfLengthOneTwoAndThree() {
    assertThat(LoopDetector.repeats(List.of("a", "a", "a", "a"), 4)).isTrue();
    assertThat(LoopDetector.repeats(List.of("a", "b", "a", "b", "a", "b"), 6)).isTrue();
    assertThat(LoopDetector.repeats(List.of("a", "b", "c", "a", "b", "c"), 6)).isTrue();
  }

  @Test
  void needsAFullWindowAndAnExactRepetition() {
    assertThat(LoopDetector.repeats(List.of("a", "a", "a"), 4)).isFalse();
    assertThat(LoopDetector.repeats(List.of("a", "b", "a", "c"), 4)).isFalse();
    assertThat(LoopDetector.repeats(List.of("a", "b", "c", "d", "a", "b", "c", "d"), 8)).isFalse();
  }

  @Test
  void patternLengthMustDivideTheWindow() {
    // a,b,c repeated over a window of 10 cannot tile it, and neither can shorter patterns.
    assertThat(LoopDetector.repeats(List.of("a", "b", "c", "a", "b", "c", "a", "b", "c", "a"), 10)).isFalse();
  }

  @Test
  void warningIsTheSpecsText() {
    assertThat(LoopDetector.warning(10))
        .isEqualTo("Loop detected: the last 10 tool calls follow a repeating pattern. Try a different approach.");
  }
}
