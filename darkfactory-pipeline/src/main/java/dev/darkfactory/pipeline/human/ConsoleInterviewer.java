package dev.darkfactory.pipeline.human;

import dev.darkfactory.pipeline.graph.EdgeLabels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Asks on a terminal (attractor-spec.md 6.4): numbered options with their accelerator keys, a
 * yes/no prompt, or a free-text prompt. An answer may be the number, the key or the label; anything
 * else asks again. Honors the question's timeout (6.5) while waiting for a line, and treats end of
 * input as {@link Answer.Skipped}.
 *
 * <p>Lines are read by one background thread into a queue, so a timed-out or cancelled question
 * never leaves a read half-done: the next question gets the next line.
 */
public final class ConsoleInterviewer implements Interviewer {
  private static final String EOF = "\u0000EOF";

  private final BufferedReader in;
  private final PrintWriter out;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private Thread reader;

  public ConsoleInterviewer(Reader in, PrintWriter out) {
    this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
    this.out = out;
  }

  @Override
  public synchronized Answer ask(Question question) {
    startReader();
    Optional<Instant> deadline = question.timeout().map(t -> Instant.now().plus(t));
    printQuestion(question);
    while (true) {
      prompt(question);
      Optional<String> line = nextLine(deadline);
      if (line.isEmpty()) {
        out.println();
        out.println("  (no answer within " + seconds(question.timeout().orElseThrow()) + ")");
        out.flush();
        return question.onTimeout();
      }
      if (line.get().equals(EOF)) {
        return Answer.skipped();
      }
      Optional<Answer> answer = interpret(question, line.get().strip());
      if (answer.isPresent()) {
        return answer.get();
      }
      out.println("  " + hint(question));
    }
  }

  @Override
  public void inform(String message, String stage) {
    out.println("[i] " + (stage.isEmpty() ? "" : stage + ": ") + message);
    out.flush();
  }

  private void printQuestion(Question question) {
    out.println();
    out.println("[?] " + question.text() + (question.stage().isEmpty() ? "" : "  (" + question.stage() + ")"));
    if (question.type() == QuestionType.MULTIPLE_CHOICE) {
      List<Option> options = question.options();
      for (int i = 0; i < options.size(); i++) {
        Option option = options.get(i);
        out.println("  " + (i + 1) + ". [" + option.key() + "] " + EdgeLabels.withoutAccelerator(option.label()));
      }
    }
    question.timeout().ifPresent(t -> out.println("  (answer within " + seconds(t)
        + question.defaultAnswer().map(a -> "; default: " + a.describe()).orElse("") + ")"));
  }

  private void prompt(Question question) {
    out.print(switch (question.type()) {
      case MULTIPLE_CHOICE -> "Select (1-" + question.options().size() + " or key): ";
      case YES_NO, CONFIRMATION -> "[y/n]: ";
      case FREEFORM -> "> ";
    });
    out.flush();
  }

  private static String hint(Question question) {
    return switch (question.type()) {
      case MULTIPLE_CHOICE -> "Please enter a number from 1 to " + question.options().size() + ", a key or a label.";
      case YES_NO, CONFIRMATION -> "Please answer y or n.";
      case FREEFORM -> "Please type an answer.";
    };
  }

  /** The answer a line gives, or empty when it is not a valid answer to {@code question}. */
  static Optional<Answer> interpret(Question question, String line) {
    if (line.isEmpty()) {
      return question.defaultAnswer();
    }
    return switch (question.type()) {
      case MULTIPLE_CHOICE -> Choices.match(question.options(), line).map(Answer::selected);
      case YES_NO, CONFIRMATION -> switch (line.toLowerCase(Locale.ROOT)) {
        case "y", "yes" -> Optional.of(Answer.yes());
        case "n", "no" -> Optional.of(Answer.no());
        default -> Optional.empty();
      };
      case FREEFORM -> Optional.of(Answer.text(line));
    };
  }

  private Optional<String> nextLine(Optional<Instant> deadline) {
    try {
      if (deadline.isEmpty()) {
        return Optional.of(lines.take());
      }
      long nanos = Duration.between(Instant.now(), deadline.get()).toNanos();
      return Optional.ofNullable(nanos <= 0 ? lines.poll() : lines.poll(nanos, TimeUnit.NANOSECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an answer", e);
    }
  }

  private void startReader() {
    if (reader != null) {
      return;
    }
    reader = Thread.ofPlatform().daemon().name("console-interviewer").start(() -> {
      try {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        // A closed or broken terminal is the same as end of input for the human: nobody can answer.
      }
      lines.add(EOF);
    });
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }
}
