package dev.darkfactory.pipeline.human;

import java.util.Objects;
import java.util.function.Function;

/** Hands each question to a function (attractor-spec.md 6.4): Slack, a web form, an API. */
public final class CallbackInterviewer implements Interviewer {
  private final Function<Question, Answer> callback;

  public CallbackInterviewer(Function<Question, Answer> callback) {
    this.callback = Objects.requireNonNull(callback, "callback");
  }

  @Override
  public Answer ask(Question question) {
    return Objects.requireNonNull(callback.apply(question), "the callback returned no answer");
  }
}
