package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.Message;
import java.util.List;

/**
 * What a tool handler may want besides its arguments (unified-llm-spec §5.2 "tool context injection"): the
 * conversation so far, the cancellation signal, and the id of the call being answered.
 */
public record ToolContext(List<Message> messages, AbortSignal abortSignal, String toolCallId) {
  public ToolContext {
    messages = List.copyOf(messages);
  }
}
