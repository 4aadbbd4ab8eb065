package dev.darkfactory.pipeline.human;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A question for a human (attractor-spec.md 6.2).
 *
 * @param id identifies the question while it is pending (the HTTP server answers by ID)
 * @param options the choices of a {@link QuestionType#MULTIPLE_CHOICE} question
 * @param defaultAnswer the answer to use on timeout (6.5)
 * @param timeout how long to wait; empty waits indefinitely
 * @param stage the node that asks, for display
 */
public record Question(
    String id,
    String text,
    QuestionType type,
    List<Option> options,
    Optional<Answer> defaultAnswer,
    Optional<Duration> timeout,
    String stage,
    Map<String, Object> metadata) {

  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
    options = List.copyOf(options);
    Objects.requireNonNull(defaultAnswer, "defaultAnswer");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(stage, "stage");
    metadata = Map.copyOf(metadata);
    if (type == QuestionType.MULTIPLE_CHOICE && options.isEmpty()) {
      throw new IllegalArgumentException("a multiple-choice question needs options");
    }
  }

  public static Question multipleChoice(String stage, String text, List<Option> options) {
    return new Question(newId(), text, QuestionType.MULTIPLE_CHOICE, options, Optional.empty(), Optional.empty(), stage, Map.of());
  }

  public static Question yesNo(String stage, String text) {
    return of(stage, text, QuestionType.YES_NO);
  }

  public static Question confirmation(String stage, String text) {
    return of(stage, text, QuestionType.CONFIRMATION);
  }

  public static Question freeform(String stage, String text) {
    return of(stage, text, QuestionType.FREEFORM);
  }

  private static Question of(String stage, String text, QuestionType type) {
    return new Question(newId(), text, type, List.of(), Optional.empty(), Optional.empty(), stage, Map.of());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  public Question withTimeout(Duration limit) {
    return new Question(id, text, type, options, defaultAnswer, Optional.of(limit), stage, metadata);
  }

  public Question withDefault(Answer answer) {
    return new Question(id, text, type, options, Optional.of(answer), timeout, stage, metadata);
  }

  public Question withMetadata(Map<String, Object> values) {
    return new Question(id, text, type, options, defaultAnswer, timeout, stage, values);
  }

  /** What to answer when the time is up: the default, else {@link Answer.Timeout} (6.5). */
  public Answer onTimeout() {
    return defaultAnswer.orElseGet(Answer::timeout);
  }
}
