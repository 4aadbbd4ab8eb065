package dev.darkfactory.pipeline.human;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal interviewer (6.4): numbered options, accelerator keys, re-asking, timeouts, end of input. */
class ConsoleInterviewerTest {
  static final Question CHOICE = Question.multipleChoice("review", "Ship the change?",
      List.of(new Option("A", "[A] Approve"), new Option("F", "[F] Fix")));

  private static String ask(String input, Question question, Answer[] answer) {
    StringWriter out = new StringWriter();
    answer[0] = new ConsoleInterviewer(new StringReader(input), new PrintWriter(out, true)).ask(question);
    return out.toString();
  }

  @Test
  void showsNumberedOptionsWithKeysAndAcceptsANumber() {
    Answer[] answer = new Answer[1];
    String screen = ask("2\n", CHOICE, answer);
    assertThat(screen).contains("[?] Ship the change?", "1. [A] Approve", "2. [F] Fix", "Select (1-2 or key):");
    assertThat(answer[0]).isEqualTo(Answer.selected(new Option("F", "[F] Fix")));
  }

  @Test
  void acceptsAKeyOrALabelAndAsksAgainAfterNonsense() {
    Answer[] answer = new Answer[1];
    String screen = ask("maybe\na\n", CHOICE, answer);
    assertThat(screen).contains("Please enter a number from 1 to 2");
    assertThat(answer[0]).isEqualTo(Answer.selected(new Option("A", "[A] Approve")));
    ask("fix\n", CHOICE, answer);
    assertThat(answer[0]).isEqualTo(Answer.selected(new Option("F", "[F] Fix")));
  }

  @Test
  void yesNoAndFreeform() {
    Answer[] answer = new Answer[1];
    ask("Y\n", Question.yesNo("s", "Continue?"), answer);
    assertThat(answer[0]).isEqualTo(Answer.yes());
    ask("n\n", Question.confirmation("s", "Sure?"), answer);
    assertThat(answer[0]).isEqualTo(Answer.no());
    ask("ship it on friday\n", Question.freeform("s", "Notes?"), answer);
    assertThat(answer[0]).isEqualTo(Answer.text("ship it on friday"));
  }

  @Test
  void anEmptyLineTakesTheDefault() {
    Answer[] answer = new Answer[1];
    ask("\n", CHOICE.withDefault(Answer.selected(new Option("F", "[F] Fix"))), answer);
    assertThat(answer[0]).isEqualTo(Answer.selected(new Option("F", "[F] Fix")));
  }

  @Test
  void aTimeoutTakesTheDefaultOrReportsTimeout() throws Exception {
    try (PipedWriter silent = new PipedWriter(); PipedReader in = new PipedReader(silent)) {
      StringWriter out = new StringWriter();
      ConsoleInterviewer console = new ConsoleInterviewer(in, new PrintWriter(out, true));
      assertThat(console.ask(CHOICE.withTimeout(Duration.ofMillis(100)))).isEqualTo(Answer.timeout());
      assertThat(console.ask(CHOICE.withTimeout(Duration.ofMillis(100)).withDefault(Answer.selected(new Option("A", "[A] Approve")))))
          .isEqualTo(Answer.selected(new Option("A", "[A] Approve")));
      assertThat(out.toString()).contains("(answer within 100ms", "(no answer within 100ms)");
    }
  }

  @Test
  void endOfInputIsSkipped() {
    Answer[] answer = new Answer[1];
    ask("", CHOICE, answer);
    assertThat(answer[0]).isEqualTo(Answer.skipped());
  }
}
