package dev.darkfactory.pipeline.human;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Answers from a pre-filled queue, in order (attractor-spec.md 6.4): deterministic tests, replays
 * and {@code factory run --answers FILE}. When the queue is empty every question is {@link
 * Answer.Skipped}.
 */
public final class QueueInterviewer implements Interviewer {
  private final Queue<Answer> answers;

  public QueueInterviewer(List<Answer> answers) {
    this.answers = new ConcurrentLinkedQueue<>(answers);
  }

  public static QueueInterviewer of(Answer... answers) {
    return new QueueInterviewer(List.of(answers));
  }

  @Override
  public Answer ask(Question question) {
    Answer next = answers.poll();
    return next == null ? Answer.skipped() : next;
  }

  /** Answers not used yet. */
  public int remaining() {
    return answers.size();
  }
}
