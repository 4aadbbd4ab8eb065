package dev.darkfactory.pipeline.human;

/** What kind of answer a question wants (attractor-spec.md 6.2). */
public enum QuestionType {
  /** A yes/no choice. */
  YES_NO,
  /** One of a list of options. */
  MULTIPLE_CHOICE,
  /** Free text. */
  FREEFORM,
  /** A yes/no confirmation, semantically distinct from {@link #YES_NO}. */
  CONFIRMATION
}
