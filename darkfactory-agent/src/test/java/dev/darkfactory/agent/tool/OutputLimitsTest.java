package dev.darkfactory.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The default tables of coding-agent-loop-spec §5.2 and §5.3, and the session overrides. */
class OutputLimitsTest {
  private final OutputLimits defaults = OutputLimits.defaults();

  @Test
  void defaultsMatchTheSpecTables() {
    assertThat(defaults.forTool("read_file")).isEqualTo(ToolLimit.of(50_000, TruncationMode.HEAD_TAIL));
    assertThat(defaults.forTool("shell")).isEqualTo(ToolLimit.of(30_000, TruncationMode.HEAD_TAIL, 256));
    assertThat(defaults.forTool("grep")).isEqualTo(ToolLimit.of(20_000, TruncationMode.TAIL, 200));
    assertThat(defaults.forTool("glob")).isEqualTo(ToolLimit.of(20_000, TruncationMode.TAIL, 500));
    assertThat(defaults.forTool("edit_file")).isEqualTo(ToolLimit.of(10_000, TruncationMode.TAIL));
    assertThat(defaults.forTool("apply_patch")).isEqualTo(ToolLimit.of(10_000, TruncationMode.TAIL));
    assertThat(defaults.forTool("write_file")).isEqualTo(ToolLimit.of(1_000, TruncationMode.TAIL));
    assertThat(defaults.forTool("spawn_agent")).isEqualTo(ToolLimit.of(20_000, TruncationMode.HEAD_TAIL));
  }

  @Test
  void sessionOverridesReplaceCharactersAndLines() {
    OutputLimits limits = new OutputLimits(Map.of("shell", 500, "read_file", 100), Map.of("shell", 10, "read_file", 5));

    assertThat(limits.forTool("shell")).isEqualTo(ToolLimit.of(500, TruncationMode.HEAD_TAIL, 10));
    assertThat(limits.forTool("read_file")).isEqualTo(new ToolLimit(100, TruncationMode.HEAD_TAIL, OptionalInt.of(5)));
  }

  @Test
  void unknownToolsUseTheirOwnDefaultOrTheFallback() {
    assertThat(defaults.forTool("run_tests")).isEqualTo(OutputLimits.FALLBACK);
    ToolLimit own = ToolLimit.of(77, TruncationMode.TAIL);
    assertThat(defaults.forTool("run_tests", Optional.of(own))).isEqualTo(own);
  }
}
