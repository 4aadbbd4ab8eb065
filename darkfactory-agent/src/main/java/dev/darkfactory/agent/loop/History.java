package dev.darkfactory.agent.loop;

import dev.darkfactory.agent.Turn;
import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.MediaData;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Role;
import dev.darkfactory.llm.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session's turns (coding-agent-loop-spec §2.4) and their conversion to LLM messages ({@code
 * convert_history_to_messages}, §2.5). Steering turns become user messages (§2.6); system turns
 * become user messages marked as notices, because providers only accept system text up front.
 * Thread-safe; readers get snapshots.
 */
public final class History {
  private final List<Turn> turns = new ArrayList<>();

  public synchronized void append(Turn turn) {
    turns.add(turn);
  }

  public synchronized List<Turn> snapshot() {
    return List.copyOf(turns);
  }

  /** Model turns so far, the unit of {@code max_turns}. */
  public synchronized int assistantTurns() {
    return (int) turns.stream().filter(Turn.AssistantTurn.class::isInstance).count();
  }

  public List<Message> toMessages() {
    List<Message> messages = new ArrayList<>();
    for (Turn turn : snapshot()) {
      switch (turn) {
        case Turn.UserTurn user -> messages.add(Message.user(user.content()));
        case Turn.AssistantTurn assistant -> messages.add(assistant.message());
        case Turn.ToolResultsTurn results -> {
          for (ToolResult result : results.results()) {
            Optional<MediaData> image = Optional.ofNullable(results.images().get(result.toolCallId()));
            messages.add(new Message(Role.TOOL, List.of(new ContentPart.ToolResultPart(result, image)),
                Optional.empty(), Optional.of(result.toolCallId())));
          }
        }
        case Turn.SystemTurn system -> messages.add(Message.user("[System notice] " + system.content()));
        case Turn.SteeringTurn steering -> messages.add(Message.user(steering.content()));
      }
    }
    return messages;
  }

  /** Characters of conversation text, for the 4-characters-per-token estimate (§5.5). */
  public long characters() {
    long total = 0;
    for (Turn turn : snapshot()) {
      total += switch (turn) {
        case Turn.UserTurn user -> user.content().length();
        case Turn.AssistantTurn assistant -> assistant.content().length()
            + assistant.reasoning().map(String::length).orElse(0)
            + assistant.toolCalls().stream().mapToInt(call -> call.name().length() + call.argumentsJson().length()).sum();
        case Turn.ToolResultsTurn results -> results.results().stream().mapToLong(r -> r.contentText().length()).sum();
        case Turn.SystemTurn system -> system.content().length();
        case Turn.SteeringTurn steering -> steering.content().length();
      };
    }
    return total;
  }
}
