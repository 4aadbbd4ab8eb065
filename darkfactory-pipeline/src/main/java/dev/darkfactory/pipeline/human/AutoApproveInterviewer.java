package dev.darkfactory.pipeline.human;

/**
 * Answers yes to yes/no questions and picks the first option of multiple-choice ones
 * (attractor-spec.md 6.4): for CI and unattended runs.
 */
public final class AutoApproveInterviewer implements Interviewer {
  @Override
  public Answer ask(Question question) {
    return switch (question.type()) {
      case YES_NO, CONFIRMATION -> Answer.yes();
      case MULTIPLE_CHOICE -> Answer.selected(question.options().getFirst());
      case FREEFORM -> Answer.text("auto-approved");
    };
  }
}
