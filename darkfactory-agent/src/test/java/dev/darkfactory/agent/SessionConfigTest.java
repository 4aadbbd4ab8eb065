package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Session configuration defaults and validation (coding-agent-loop-spec §2.2). */
class SessionConfigTest {

  @Test
  void defaultsAreTheSpecs() {
    SessionConfig config = SessionConfig.defaults();

    assertThat(config.maxTurns()).isZero();
    assertThat(config.maxToolRoundsPerInput()).isZero();
    assertThat(config.defaultCommandTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.maxCommandTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.reasoningEffort()).isEmpty();
    assertThat(config.toolOutputLimits()).isEmpty();
    assertThat(config.toolLineLimits()).isEmpty();
    assertThat(config.enableLoopDetection()).isTrue();
    assertThat(config.loopDetectionWindow()).isEqualTo(10);
    assertThat(config.maxSubagentDepth()).isEqualTo(1);
  }

  @Test
  void invalidValuesAreRefusedWithAClearMessage() {
    assertThatThrownBy(() -> SessionConfig.builder().maxTurns(-1).build())
        .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("max_turns");
    assertThatThrownBy(() -> SessionConfig.builder().loopDetectionWindow(0).build())
        .hasMessageContaining("loop_detection_window");
    assertThatThrownBy(() -> SessionConfig.builder().defaultCommandTimeout(Duration.ofMinutes(20)).build())
        .hasMessageContaining("default <= max");
    assertThatThrownBy(() -> SessionConfig.builder().toolOutputLimit("shell", 0).build())
        .hasMessageContaining("tool_output_limits.shell");
    assertThatThrownBy(() -> SessionConfig.builder().reasoningEffort(" ").build())
        .hasMessageContaining("reasoning_effort");
  }

  @Test
  void copiesAreIndependent() {
    SessionConfig config = SessionConfig.builder().reasoningEffort("low").build();

    assertThat(config.withReasoningEffort("high").reasoningEffort()).contains("high");
    assertThat(config.withReasoningEffort(null).reasoningEffort()).isEmpty();
    assertThat(config.reasoningEffort()).contains("low");
  }
}
