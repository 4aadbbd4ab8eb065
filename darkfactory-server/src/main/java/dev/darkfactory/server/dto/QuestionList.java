package dev.darkfactory.server.dto;

import java.util.List;

/** Pending questions, oldest first. */
public record QuestionList(List<QuestionDto> questions) {
  public QuestionList {
    questions = List.copyOf(questions);
  }
}
