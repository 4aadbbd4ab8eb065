package dev.darkfactory.pipeline.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.CallbackInterviewer;
import dev.darkfactory.pipeline.human.Interviewer;
import dev.darkfactory.pipeline.human.Option;
import dev.darkfactory.pipeline.human.QueueInterviewer;
import dev.darkfactory.pipeline.human.UnavailableInterviewer;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The human gate, attractor-spec.md 4.6 and 6.5. */
class WaitForHumanHandlerTest {
  @TempDir Path temp;

  private Outcome ask(String gateAttrs, Interviewer interviewer) {
    StageFixture fixture = new StageFixture("""
        digraph H {
          gate [shape=hexagon, label="Deploy?"ATTRS]
          gate -> ship [label="[Y] Yes, deploy"]
          gate -> fix [label="[F] Fix first"]
        }
        """.replace("ATTRS", gateAttrs), temp);
    return new WaitForHumanHandler(interviewer).execute(fixture.stage("gate"));
  }

  @Test
  void theChoiceBecomesThePreferredLabelSuggestedNodeAndContext() {
    Outcome outcome = ask("", QueueInterviewer.of(Answer.selected(new Option("F", "[F] Fix first"))));
    assertThat(outcome.status()).isEqualTo(StageStatus.SUCCESS);
    assertThat(outcome.preferredLabel()).isEqualTo("[F] Fix first");
    assertThat(outcome.suggestedNextIds()).containsExactly("fix");
    assertThat(outcome.contextUpdates()).containsEntry(ContextKeys.HUMAN_GATE_SELECTED, "F").containsEntry(ContextKeys.HUMAN_GATE_LABEL, "[F] Fix first");
  }

  @Test
  void theQuestionListsEveryEdgeWithItsKey() {
    java.util.concurrent.atomic.AtomicReference<List<Option>> seen = new java.util.concurrent.atomic.AtomicReference<>();
    ask("", new CallbackInterviewer(q -> {
      seen.set(q.options());
      return Answer.text("y");
    }));
    assertThat(seen.get()).containsExactly(new Option("Y", "[Y] Yes, deploy"), new Option("F", "[F] Fix first"));
  }

  @Test
  void aTimeoutTakesTheDefaultChoice() {
    Outcome outcome = ask(", timeout=\"50ms\", human.default_choice=\"fix\"", new CallbackInterviewer(q -> {
      try {
        new java.util.concurrent.CountDownLatch(1).await(); // nobody answers; the gate's timeout interrupts the wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Answer.skipped();
    }));
    assertThat(outcome.suggestedNextIds()).containsExactly("fix");
  }

  @Test
  void aTimeoutWithoutADefaultAsksForARetry() {
    Outcome outcome = ask("", QueueInterviewer.of(Answer.timeout()));
    assertThat(outcome.status()).isEqualTo(StageStatus.RETRY);
    assertThat(outcome.failureReason()).isEqualTo("human gate timeout, no default");
  }

  @Test
  void aSkippedQuestionFails() {
    Outcome outcome = ask("", QueueInterviewer.of());
    assertThat(outcome.status()).isEqualTo(StageStatus.FAIL);
    assertThat(outcome.failureReason()).isEqualTo("human skipped interaction");
  }

  @Test
  void anAnswerNamingNoOptionTakesTheFirstAndSaysSo() {
    Outcome outcome = ask("", QueueInterviewer.of(Answer.text("whatever")));
    assertThat(outcome.suggestedNextIds()).containsExactly("ship");
    assertThat(outcome.notes()).contains("matched no option");
  }

  @Test
  void aGateWithoutEdgesFails() {
    StageFixture fixture = new StageFixture("digraph H { gate [shape=hexagon] }", temp);
    assertThat(new WaitForHumanHandler(new QueueInterviewer(List.of())).execute(fixture.stage("gate")).failureReason())
        .isEqualTo("No outgoing edges for human gate");
  }

  @Test
  void withNobodyToAskTheRunStopsResumably() {
    assertThatThrownBy(() -> ask("", new UnavailableInterviewer("there is no terminal")))
        .isInstanceOf(StopRunException.class).hasMessageContaining("human gate 'gate' needs an answer, but there is no terminal")
        .satisfies(e -> assertThat(((StopRunException) e).reason().code()).isEqualTo("needs_human"));
  }

  @Test
  void interviewEventsSurroundTheQuestion() {
    StageFixture fixture = new StageFixture("digraph H { gate [shape=hexagon]; gate -> a }", temp);
    new WaitForHumanHandler(QueueInterviewer.of(Answer.text("a"))).execute(fixture.stage("gate"));
    assertThat(fixture.events.events()).hasExactlyElementsOfTypes(PipelineEvent.InterviewStarted.class, PipelineEvent.InterviewCompleted.class);
  }
}
