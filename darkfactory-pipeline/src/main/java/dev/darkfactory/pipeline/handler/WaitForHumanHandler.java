package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.EdgeLabels;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.Choices;
import dev.darkfactory.pipeline.human.Interviewer;
import dev.darkfactory.pipeline.human.Option;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A human gate (attractor-spec.md 4.6): the outgoing edges become the options of a multiple-choice
 * question, and the answer becomes the preferred label and suggested next node.
 *
 * <p>The node's {@code timeout} bounds the wait; {@code human.default_choice} (an edge target, key
 * or label) is the answer on timeout (6.5), and without it a timeout asks for a retry. A skipped
 * question fails the stage. An answer that names no option takes the first one, as 4.6 says, and
 * the notes say so. The choice is recorded as {@code human.gate.selected} (its key) and {@code
 * human.gate.label}.
 */
public final class WaitForHumanHandler implements Handler {
  private final Interviewer interviewer;

  public WaitForHumanHandler(Interviewer interviewer) {
    this.interviewer = Objects.requireNonNull(interviewer, "interviewer");
  }

  /** One option and where it leads. */
  record Choice(Option option, String to) {}

  @Override
  public Outcome execute(Stage stage) {
    Node node = stage.node();
    List<Choice> choices = choices(stage.graph().outgoing(node.id()));
    if (choices.isEmpty()) {
      return Outcome.fail("No outgoing edges for human gate");
    }
    List<Option> options = choices.stream().map(Choice::option).toList();
    Question question = Question.multipleChoice(node.id(), node.label().isEmpty() ? "Select an option:" : node.label(), options);
    if (node.timeout().isPresent()) {
      question = question.withTimeout(node.timeout().get());
    }
    Optional<Choice> fallback = node.humanDefaultChoice().flatMap(choice -> byTarget(choices, choice).or(() -> byKeyOrLabel(choices, choice)));
    if (fallback.isPresent()) {
      question = question.withDefault(Answer.selected(fallback.get().option()));
    }
    Answer answer = Interviews.ask(interviewer, question, stage.cancellation(), stage.events());
    return switch (answer) {
      case Answer.Timeout timeout -> Outcome.retry("human gate timeout, no default");
      case Answer.Skipped skipped -> Outcome.fail("human skipped interaction");
      case Answer.Selected selected -> chosen(choices, selected.option().key(), answer);
      case Answer.Text text -> chosen(choices, text.text(), answer);
      case Answer.Yes yes -> chosen(choices, "yes", answer);
      case Answer.No no -> chosen(choices, "no", answer);
    };
  }

  private static List<Choice> choices(List<Edge> edges) {
    List<Choice> choices = new ArrayList<>();
    for (Edge edge : edges) {
      String label = edge.label().isEmpty() ? edge.to() : edge.label();
      choices.add(new Choice(new Option(EdgeLabels.acceleratorKey(label), label), edge.to()));
    }
    return choices;
  }

  private static Outcome chosen(List<Choice> choices, String answerText, Answer answer) {
    Optional<Choice> match = byKeyOrLabel(choices, answerText).or(() -> byTarget(choices, answerText));
    Choice choice = match.orElse(choices.getFirst());
    String notes = match.isPresent()
        ? "human chose " + choice.option().label()
        : "answer " + answer.describe() + " matched no option; took the first, " + choice.option().label();
    return Outcome.success(notes)
        .withPreferredLabel(choice.option().label())
        .withSuggestedNextIds(List.of(choice.to()))
        .withContextUpdate(ContextKeys.HUMAN_GATE_SELECTED, choice.option().key())
        .withContextUpdate(ContextKeys.HUMAN_GATE_LABEL, choice.option().label());
  }

  /** The choice a number, key or label names ({@link Choices}). */
  private static Optional<Choice> byKeyOrLabel(List<Choice> choices, String text) {
    return Choices.match(choices.stream().map(Choice::option).toList(), text)
        .flatMap(option -> choices.stream().filter(c -> c.option() == option).findFirst());
  }

  /** The choice whose edge leads to node {@code id}. */
  private static Optional<Choice> byTarget(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.to().equals(id.strip())).findFirst();
  }
}
