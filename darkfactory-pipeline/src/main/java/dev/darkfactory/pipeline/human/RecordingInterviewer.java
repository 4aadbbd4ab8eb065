package dev.darkfactory.pipeline.human;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Wraps another interviewer and records every question and answer (attractor-spec.md 6.4). */
public final class RecordingInterviewer implements Interviewer {
  private final Interviewer inner;
  private final List<Recording> recordings = new ArrayList<>();

  /** One exchange. */
  public record Recording(Question question, Answer answer) {}

  public RecordingInterviewer(Interviewer inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  @Override
  public Answer ask(Question question) {
    Answer answer = inner.ask(question);
    synchronized (recordings) {
      recordings.add(new Recording(question, answer));
    }
    return answer;
  }

  @Override
  public void inform(String message, String stage) {
    inner.inform(message, stage);
  }

  public List<Recording> recordings() {
    synchronized (recordings) {
      return List.copyOf(new ArrayList<>(recordings));
    }
  }
}
