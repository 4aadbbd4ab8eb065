package dev.darkfactory.server.dto;

import java.util.Optional;

/**
 * The body of {@code POST /pipelines/{id}/questions/{qid}/answer}: {@code {"value": "A"}} for an
 * option key or label, {@code {"value": "yes"}}/{@code "no"}, {@code {"value": "skipped"}}, or
 * {@code {"text": "..."}} for free text.
 */
public record AnswerRequest(Optional<String> value, Optional<String> text) {
  public AnswerRequest {
    value = value == null ? Optional.empty() : value;
    text = text == null ? Optional.empty() : text;
  }
}
