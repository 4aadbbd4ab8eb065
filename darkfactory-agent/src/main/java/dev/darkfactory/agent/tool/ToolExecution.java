package dev.darkfactory.agent.tool;

import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished tool call (coding-agent-loop-spec §3.8 steps 4-6).
 *
 * @param result what the model receives: the truncated output
 * @param fullOutput the untruncated output (or error message), for the {@code TOOL_CALL_END}
 *     event (§2.9)
 * @param image an image for multimodal models, when the tool produced one
 */
public record ToolExecution(
    ToolCall call, ToolResult result, String fullOutput, Optional<ToolOutput.Image> image, Duration duration) {

  public ToolExecution {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(fullOutput, "fullOutput");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(duration, "duration");
  }

  public boolean isError() {
    return result.isError();
  }

  /** The text the model receives. */
  public String modelOutput() {
    return result.contentText();
  }
}
