package dev.darkfactory.server.dto;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A question waiting for a human (attractor-spec.md 6.2).
 *
 * @param type {@code YES_NO}, {@code MULTIPLE_CHOICE}, {@code FREEFORM} or {@code CONFIRMATION}
 * @param defaultAnswer what a timeout answers, described
 */
public record QuestionDto(
    String id,
    String runId,
    String stage,
    String text,
    String type,
    List<OptionDto> options,
    Optional<Long> timeoutMs,
    Optional<String> defaultAnswer,
    Instant askedAt) {
  public QuestionDto {
    options = List.copyOf(options);
  }

  /** One choice: the key to send back as {@code value}, and the label to show. */
  public record OptionDto(String key, String label) {}
}
