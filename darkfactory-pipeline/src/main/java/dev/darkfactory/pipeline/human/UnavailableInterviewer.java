package dev.darkfactory.pipeline.human;

import java.util.Objects;

/** For runs without a human: every question throws {@link HumanUnavailableException} with a message saying what to do. */
public final class UnavailableInterviewer implements Interviewer {
  private final String message;

  public UnavailableInterviewer(String message) {
    this.message = Objects.requireNonNull(message, "message");
  }

  @Override
  public Answer ask(Question question) {
    throw new HumanUnavailableException("human gate '" + question.stage() + "' needs an answer, but " + message);
  }
}
