package dev.darkfactory.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.HumanUnavailableException;
import dev.darkfactory.pipeline.human.Option;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.dto.AnswerRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebInterviewerTest {
  private static final Question CHOICE = Question.multipleChoice("review", "Ship it?", List.of(new Option("A", "[A] Approve"), new Option("F", "[F] Fix")));

  private static AnswerRequest value(String v) {
    return new AnswerRequest(Optional.of(v), Optional.empty());
  }

  private static AnswerRequest text(String t) {
    return new AnswerRequest(Optional.empty(), Optional.of(t));
  }

  @Test
  void interpretsEachQuestionType() {
    assertThat(WebInterviewer.interpret(CHOICE, value("a"))).isEqualTo(Answer.selected(new Option("A", "[A] Approve")));
    assertThat(WebInterviewer.interpret(CHOICE, text("Fix"))).isEqualTo(Answer.selected(new Option("F", "[F] Fix")));
    assertThat(WebInterviewer.interpret(CHOICE, value("2"))).isEqualTo(Answer.selected(new Option("F", "[F] Fix")));
    assertThat(WebInterviewer.interpret(CHOICE, value("skipped"))).isEqualTo(Answer.skipped());
    Question yesNo = Question.yesNo("gate", "Deploy?");
    assertThat(WebInterviewer.interpret(yesNo, value("YES"))).isEqualTo(Answer.yes());
    assertThat(WebInterviewer.interpret(yesNo, value("n"))).isEqualTo(Answer.no());
    Question free = Question.freeform("gate", "Why?");
    assertThat(WebInterviewer.interpret(free, text("because"))).isEqualTo(Answer.text("because"));
  }

  @Test
  void rejectsAnswersThatDoNotFit() {
    assertThatThrownBy(() -> WebInterviewer.interpret(CHOICE, value("Z"))).isInstanceOf(ServerException.BadRequest.class);
    assertThatThrownBy(() -> WebInterviewer.interpret(Question.yesNo("g", "?"), value("maybe"))).isInstanceOf(ServerException.BadRequest.class);
    assertThatThrownBy(() -> WebInterviewer.interpret(Question.freeform("g", "?"), text(" "))).isInstanceOf(ServerException.BadRequest.class);
    assertThatThrownBy(() -> WebInterviewer.interpret(Question.freeform("g", "?"), text("x".repeat(20_001)))).isInstanceOf(ServerException.BadRequest.class);
    assertThatThrownBy(() -> WebInterviewer.interpret(CHOICE, new AnswerRequest(Optional.empty(), Optional.empty()))).isInstanceOf(ServerException.BadRequest.class);
  }

  @Test
  void aQuestionWaitsUntilAnsweredAndCannotBeAnsweredTwice() throws Exception {
    WebInterviewer interviewer = new WebInterviewer(Clock.systemUTC());
    CompletableFuture<Answer> asked = CompletableFuture.supplyAsync(() -> interviewer.ask(CHOICE), Thread.ofVirtual()::start);
    await().atMost(Duration.ofSeconds(30)).until(() -> !interviewer.pending().isEmpty());
    assertThat(interviewer.pending()).singleElement().satisfies(p -> assertThat(p.question()).isEqualTo(CHOICE));
    interviewer.answer(CHOICE.id(), value("A"));
    assertThat(asked.get(30, TimeUnit.SECONDS)).isEqualTo(Answer.selected(new Option("A", "[A] Approve")));
    assertThat(interviewer.pending()).isEmpty();
    assertThatThrownBy(() -> interviewer.answer(CHOICE.id(), value("A"))).isInstanceOf(ServerException.Conflict.class);
    assertThatThrownBy(() -> interviewer.answer("unknown", value("A"))).isInstanceOf(ServerException.NotFound.class);
  }

  @Test
  void aWithdrawnQuestionEndsAsNoHumanRatherThanAFailure() throws Exception {
    WebInterviewer interviewer = new WebInterviewer(Clock.systemUTC());
    CompletableFuture<Answer> asked = CompletableFuture.supplyAsync(() -> interviewer.ask(CHOICE), Thread.ofVirtual()::start);
    await().atMost(Duration.ofSeconds(30)).until(() -> !interviewer.pending().isEmpty());
    interviewer.withdrawAll();
    assertThatThrownBy(() -> asked.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(HumanUnavailableException.class);
    assertThat(interviewer.pending()).isEmpty();
  }
}
