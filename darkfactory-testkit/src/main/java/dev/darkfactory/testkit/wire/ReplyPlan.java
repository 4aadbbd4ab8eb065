package dev.darkfactory.testkit.wire;

import java.util.List;
import java.util.Optional;

/**
 * Everything a wire encoder needs to render one scripted reply in any provider's format: the content, the finish
 * kind, token counts (already estimated or scripted) and ids. Neutral of every provider.
 *
 * @param chunkSize how many characters of text each stream delta carries
 */
public record ReplyPlan(
    String id,
    String model,
    String text,
    Optional<String> thinking,
    Optional<String> thinkingSignature,
    Optional<String> redactedThinking,
    List<PlannedCall> toolCalls,
    Finish finish,
    PlannedUsage usage,
    int chunkSize) {

  public ReplyPlan {
    toolCalls = List.copyOf(toolCalls);
    chunkSize = Math.max(1, chunkSize);
  }

  /** A tool call with its id and its arguments as a JSON string. */
  public record PlannedCall(String id, String name, String argumentsJson) {}

  /** Token counts. {@code input} includes cached tokens; Anthropic renders it without them, as the real API does. */
  public record PlannedUsage(int input, int output, int reasoning, int cacheRead, int cacheWrite) {}

  public enum Finish {
    STOP,
    LENGTH,
    TOOL_CALLS,
    CONTENT_FILTER
  }

  /** The text split into stream deltas. */
  public List<String> textChunks() {
    return chunks(text, chunkSize);
  }

  public static List<String> chunks(String value, int size) {
    java.util.ArrayList<String> chunks = new java.util.ArrayList<>();
    int i = 0;
    while (i < value.length()) {
      int end = Math.min(value.length(), i + size);
      if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
        end++;
      }
      chunks.add(value.substring(i, end));
      i = end;
    }
    return chunks;
  }
}
