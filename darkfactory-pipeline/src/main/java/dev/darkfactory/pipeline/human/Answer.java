package dev.darkfactory.pipeline.human;

import java.util.Objects;

/**
 * A human's answer (attractor-spec.md 6.3): yes, no, a selected option, free text, or one of the
 * non-answers {@link Skipped} and {@link Timeout}. Consumers switch over it exhaustively.
 */
public sealed interface Answer {

  /** A short form for logs and events: {@code yes}, {@code [A] Approve}, {@code "text"}, {@code timeout}. */
  String describe();

  static Answer yes() {
    return new Yes();
  }

  static Answer no() {
    return new No();
  }

  static Answer skipped() {
    return new Skipped();
  }

  static Answer timeout() {
    return new Timeout();
  }

  static Answer selected(Option option) {
    return new Selected(option);
  }

  static Answer text(String text) {
    return new Text(text);
  }

  /** Affirmative (6.3 {@code YES}). */
  record Yes() implements Answer {
    @Override
    public String describe() {
      return "yes";
    }
  }

  /** Negative (6.3 {@code NO}). */
  record No() implements Answer {
    @Override
    public String describe() {
      return "no";
    }
  }

  /** The human declined to answer (6.3 {@code SKIPPED}). */
  record Skipped() implements Answer {
    @Override
    public String describe() {
      return "skipped";
    }
  }

  /** No answer came within the question's timeout (6.3 {@code TIMEOUT}). */
  record Timeout() implements Answer {
    @Override
    public String describe() {
      return "timeout";
    }
  }

  /** One option of a multiple-choice question (6.3 {@code selected_option}). */
  record Selected(Option option) implements Answer {
    public Selected {
      Objects.requireNonNull(option, "option");
    }

    @Override
    public String describe() {
      return "[" + option.key() + "] " + dev.darkfactory.pipeline.graph.EdgeLabels.withoutAccelerator(option.label());
    }
  }

  /**
   * Free text (6.3 {@code text}). For a multiple-choice question, text is matched against the
   * options' keys and labels, which is how answer files and web forms name a choice.
   */
  record Text(String text) implements Answer {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String describe() {
      return '"' + text + '"';
    }
  }
}
