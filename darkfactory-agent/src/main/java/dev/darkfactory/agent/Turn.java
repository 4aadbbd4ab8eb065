package dev.darkfactory.agent;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.MediaData;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Role;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolResult;
import dev.darkfactory.llm.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One entry of a session's history (coding-agent-loop-spec §2.4). */
public sealed interface Turn {

  Instant timestamp();

  /** What the user (or host) submitted. */
  record UserTurn(String content, Instant timestamp) implements Turn {
    public UserTurn {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /**
   * One model response. The whole provider message is kept, so reasoning signatures and redacted
   * thinking are replayed verbatim on the next request.
   */
  record AssistantTurn(Message message, Usage usage, Optional<String> responseId, Instant timestamp) implements Turn {
    public AssistantTurn {
      Objects.requireNonNull(message, "message");
      if (message.role() != Role.ASSISTANT) {
        throw new IllegalArgumentException("An assistant turn holds an assistant message, not " + message.role());
      }
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(responseId, "responseId");
      Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The text output. */
    public String content() {
      return message.text();
    }

    public List<ToolCall> toolCalls() {
      return message.toolCalls();
    }

    /** The visible reasoning, if the provider returned any. */
    public Optional<String> reasoning() {
      List<String> parts = message.content().stream()
          .filter(ContentPart.Thinking.class::isInstance)
          .map(part -> ((ContentPart.Thinking) part).text())
          .toList();
      return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("", parts));
    }
  }

  /**
   * The results of one round of tool calls, one per call, in call order.
   *
   * @param images images some tools returned, by tool call id
   */
  record ToolResultsTurn(List<ToolResult> results, Map<String, MediaData> images, Instant timestamp) implements Turn {
    public ToolResultsTurn {
      results = List.copyOf(results);
      images = Map.copyOf(images);
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** A notice from the host or the loop itself. */
  record SystemTurn(String content, Instant timestamp) implements Turn {
    public SystemTurn {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** A steering message, or the loop detector's warning (§2.6, §2.10); sent as a user message. */
  record SteeringTurn(String content, Instant timestamp) implements Turn {
    public SteeringTurn {
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }
}
