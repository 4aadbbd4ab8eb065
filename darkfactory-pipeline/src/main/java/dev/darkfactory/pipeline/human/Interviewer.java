package dev.darkfactory.pipeline.human;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way the pipeline talks to humans (attractor-spec.md 6.1): the CLI, a web UI, a chat bot
 * or a test queue implement it. {@link #ask} may block; it is called from a virtual thread and
 * interrupted when the run is cancelled or the question's timeout passes.
 */
public interface Interviewer {

  /** Asks one question and waits for the answer. */
  Answer ask(Question question);

  /** Asks several questions in order (6.1 {@code ask_multiple}). */
  default List<Answer> askMultiple(List<Question> questions) {
    List<Answer> answers = new ArrayList<>(questions.size());
    for (Question question : questions) {
      answers.add(ask(question));
    }
    return answers;
  }

  /** Tells the human something that needs no answer (6.1 {@code inform}). */
  default void inform(String message, String stage) {}
}
