package dev.darkfactory.agent.tool;

import java.util.Map;
import java.util.Optional;

/**
 * Per-tool output limits: the spec's defaults (coding-agent-loop-spec §5.2, §5.3) with the
 * session's overrides ({@code tool_output_limits}, {@code tool_line_limits}, §2.2) on top.
 *
 * <p>Tools the tables do not name use their own {@link Tool#defaultLimit()}, else {@link
 * #FALLBACK}; {@code read_many_files} and {@code list_dir} follow {@code read_file} and {@code
 * glob}, and the subagent tools other than {@code spawn_agent} follow {@code spawn_agent}.
 */
public record OutputLimits(Map<String, Integer> charOverrides, Map<String, Integer> lineOverrides) {

  /** For tools neither the spec nor the tool itself gives a limit. */
  public static final ToolLimit FALLBACK = ToolLimit.of(20_000, TruncationMode.HEAD_TAIL);

  /** The tables of §5.2 (characters, mode) and §5.3 (lines). */
  public static final Map<String, ToolLimit> DEFAULTS =
      Map.ofEntries(
          Map.entry("read_file", ToolLimit.of(50_000, TruncationMode.HEAD_TAIL)),
          Map.entry("shell", ToolLimit.of(30_000, TruncationMode.HEAD_TAIL, 256)),
          Map.entry("grep", ToolLimit.of(20_000, TruncationMode.TAIL, 200)),
          Map.entry("glob", ToolLimit.of(20_000, TruncationMode.TAIL, 500)),
          Map.entry("edit_file", ToolLimit.of(10_000, TruncationMode.TAIL)),
          Map.entry("apply_patch", ToolLimit.of(10_000, TruncationMode.TAIL)),
          Map.entry("write_file", ToolLimit.of(1_000, TruncationMode.TAIL)),
          Map.entry("spawn_agent", ToolLimit.of(20_000, TruncationMode.HEAD_TAIL)),
          // Not in the spec's tables; chosen to match the closest tool above.
          Map.entry("read_many_files", ToolLimit.of(50_000, TruncationMode.HEAD_TAIL)),
          Map.entry("list_dir", ToolLimit.of(20_000, TruncationMode.TAIL, 500)),
          Map.entry("wait", ToolLimit.of(20_000, TruncationMode.HEAD_TAIL)),
          Map.entry("send_input", ToolLimit.of(20_000, TruncationMode.HEAD_TAIL)),
          Map.entry("close_agent", ToolLimit.of(20_000, TruncationMode.HEAD_TAIL)));

  public OutputLimits {
    charOverrides = Map.copyOf(charOverrides);
    lineOverrides = Map.copyOf(lineOverrides);
  }

  public static OutputLimits defaults() {
    return new OutputLimits(Map.of(), Map.of());
  }

  /** The limit for {@code tool}: table or tool default, then the session's overrides. */
  public ToolLimit forTool(String name, Optional<ToolLimit> toolDefault) {
    ToolLimit limit = Optional.ofNullable(DEFAULTS.get(name)).or(() -> toolDefault).orElse(FALLBACK);
    Integer chars = charOverrides.get(name);
    if (chars != null) {
      limit = limit.withMaxChars(chars);
    }
    Integer lines = lineOverrides.get(name);
    if (lines != null) {
      limit = limit.withMaxLines(lines);
    }
    return limit;
  }

  public ToolLimit forTool(String name) {
    return forTool(name, Optional.empty());
  }
}
