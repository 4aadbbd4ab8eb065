package dev.darkfactory.pipeline.human;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** attractor-spec.md 6.1-6.4 and checklist 11.8. */
class InterviewersTest {
  static final Question CHOICE = Question.multipleChoice("gate", "Ship?", List.of(new Option("Y", "[Y] Yes"), new Option("N", "[N] No")));

  @Test
  void theInterfaceAsksAndAnswers() {
    Interviewer interviewer = question -> Answer.text("hello");
    assertThat(interviewer.ask(Question.freeform("s", "Say something"))).isEqualTo(Answer.text("hello"));
    assertThat(interviewer.askMultiple(List.of(CHOICE, CHOICE))).hasSize(2);
  }

  @Test
  void questionsComeInFourTypes() {
    assertThat(List.of(CHOICE.type(), Question.yesNo("s", "?").type(), Question.freeform("s", "?").type(), Question.confirmation("s", "?").type()))
        .containsExactly(QuestionType.MULTIPLE_CHOICE, QuestionType.YES_NO, QuestionType.FREEFORM, QuestionType.CONFIRMATION);
    assertThatThrownBy(() -> Question.multipleChoice("s", "?", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(Question.yesNo("s", "?").withDefault(Answer.no()).onTimeout()).isEqualTo(Answer.no());
    assertThat(Question.yesNo("s", "?").onTimeout()).isEqualTo(Answer.timeout());
  }

  @Test
  void autoApproveSaysYesAndPicksTheFirstOption() {
    AutoApproveInterviewer auto = new AutoApproveInterviewer();
    assertThat(auto.ask(CHOICE)).isEqualTo(Answer.selected(new Option("Y", "[Y] Yes")));
    assertThat(auto.ask(Question.yesNo("s", "?"))).isEqualTo(Answer.yes());
    assertThat(auto.ask(Question.confirmation("s", "?"))).isEqualTo(Answer.yes());
    assertThat(auto.ask(Question.freeform("s", "?"))).isEqualTo(Answer.text("auto-approved"));
  }

  @Test
  void callbackDelegates() {
    assertThat(new CallbackInterviewer(q -> Answer.text(q.stage())).ask(CHOICE)).isEqualTo(Answer.text("gate"));
  }

  @Test
  void queueAnswersInOrderThenSkips() {
    QueueInterviewer queue = QueueInterviewer.of(Answer.yes(), Answer.text("N"));
    assertThat(queue.ask(CHOICE)).isEqualTo(Answer.yes());
    assertThat(queue.ask(CHOICE)).isEqualTo(Answer.text("N"));
    assertThat(queue.ask(CHOICE)).isEqualTo(Answer.skipped());
    assertThat(queue.remaining()).isZero();
  }

  @Test
  void recordingKeepsEveryExchange() {
    RecordingInterviewer recording = new RecordingInterviewer(new AutoApproveInterviewer());
    recording.ask(CHOICE);
    assertThat(recording.recordings()).singleElement().satisfies(r -> {
      assertThat(r.question()).isEqualTo(CHOICE);
      assertThat(r.answer()).isEqualTo(Answer.selected(new Option("Y", "[Y] Yes")));
    });
  }

  @Test
  void answerFilesReadEveryForm() {
    assertThat(AnswerFiles.parse("[\"A\", {\"key\": \"F\"}, {\"value\": \"yes\"}, {\"value\": \"skipped\"}, {\"text\": \"free\"}]"))
        .containsExactly(Answer.text("A"), Answer.selected(new Option("F", "F")), Answer.yes(), Answer.skipped(), Answer.text("free"));
    assertThatThrownBy(() -> AnswerFiles.parse("{\"a\": 1}")).hasMessageContaining("expected a JSON list");
    assertThatThrownBy(() -> AnswerFiles.parse("[3]")).hasMessageContaining("answer 0 is not an answer");
  }

  @Test
  void choicesMatchNumbersKeysAndLabels() {
    List<Option> options = CHOICE.options();
    assertThat(Choices.match(options, "2")).contains(options.get(1));
    assertThat(Choices.match(options, "y")).contains(options.get(0));
    assertThat(Choices.match(options, "no")).contains(options.get(1));
    assertThat(Choices.match(options, "[N] No")).contains(options.get(1));
    assertThat(Choices.match(options, "maybe")).isEmpty();
    assertThat(Choices.match(options, "3")).isEmpty();
  }

  @Test
  void askMultipleAnswersEachQuestionInOrder() {
    RecordingInterviewer recording = new RecordingInterviewer(QueueInterviewer.of(Answer.yes(), Answer.text("second")));
    Question first = Question.yesNo("a", "First?");
    Question second = Question.freeform("b", "Second?");
    assertThat(recording.askMultiple(List.of(first, second))).containsExactly(Answer.yes(), Answer.text("second"));
    assertThat(recording.recordings()).extracting(RecordingInterviewer.Recording::question).containsExactly(first, second);
  }

  @Test
  void informReachesTheConsoleThroughARecordingInterviewer() {
    java.io.StringWriter out = new java.io.StringWriter();
    Interviewer console = new RecordingInterviewer(new ConsoleInterviewer(new java.io.StringReader(""), new java.io.PrintWriter(out, true)));
    console.inform("tests are running", "verify");
    console.inform("no stage", "");
    assertThat(out.toString()).isEqualTo("[i] verify: tests are running" + System.lineSeparator() + "[i] no stage" + System.lineSeparator());
  }

  @Test
  void metadataTravelsWithTheQuestionToEveryInterviewerAndIntoTheEvents() {
    Question tagged = CHOICE.withMetadata(java.util.Map.of("ticket", "OPS-12", "attempt", 2L));
    Question[] seen = {null};
    new RecordingInterviewer(new CallbackInterviewer(q -> {
      seen[0] = q;
      return Answer.yes();
    })).ask(tagged);
    assertThat(seen[0].metadata()).containsEntry("ticket", "OPS-12").containsEntry("attempt", 2L);
    var event = new dev.darkfactory.pipeline.event.PipelineEvent.InterviewStarted("r", java.time.Instant.EPOCH, tagged, "gate");
    var metadata = dev.darkfactory.pipeline.event.EventJson.toJson(event).path("question").path("metadata");
    assertThat(metadata.path("ticket").asString()).isEqualTo("OPS-12");
    assertThat(metadata.path("attempt").asLong()).isEqualTo(2L);
  }
}
