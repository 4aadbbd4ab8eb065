package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.Choices;
import dev.darkfactory.pipeline.human.HumanUnavailableException;
import dev.darkfactory.pipeline.human.Interviewer;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.dto.AnswerRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The interviewer of a run hosted by the server (attractor-spec.md 6.1): a question waits here
 * until someone answers it through {@code POST .../questions/{qid}/answer} (the web UI's buttons,
 * a script, a bot). The engine calls {@link #ask} on a virtual thread and interrupts it on timeout
 * or cancel, so waiting costs nothing and the engine's timeout rules (6.5) apply unchanged.
 */
public final class WebInterviewer implements Interviewer {
  private static final int MAX_TEXT = 20_000;
  private static final int ANSWERED_KEPT = 256;

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, Boolean> answered = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > ANSWERED_KEPT;
    }
  });
  private final Clock clock;

  public WebInterviewer(Clock clock) {
    this.clock = clock;
  }

  /** A question and when it was asked. */
  public record Pending(Question question, Instant askedAt, CompletableFuture<Answer> answer) {}

  @Override
  public Answer ask(Question question) {
    Pending entry = new Pending(question, clock.instant(), new CompletableFuture<>());
    pending.put(question.id(), entry);
    try {
      return entry.answer().get();
    } catch (InterruptedException | java.util.concurrent.CancellationException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // Withdrawn because the run is stopping. Normally the engine has already given up on this
      // question; should it still be waiting, "no human" makes it stop resumably rather than fail.
      throw new HumanUnavailableException("the question was withdrawn: the run is stopping");
    } catch (ExecutionException e) {
      throw new IllegalStateException("answering failed", e.getCause());
    } finally {
      pending.remove(question.id());
    }
  }

  /** Questions waiting now, oldest first. */
  public List<Pending> pending() {
    List<Pending> list = new ArrayList<>(pending.values());
    list.sort(Comparator.comparing(Pending::askedAt));
    return list;
  }

  /**
   * Answers a pending question.
   *
   * @throws ServerException.NotFound when no such question was ever asked here
   * @throws ServerException.Conflict when it was already answered or withdrawn
   * @throws ServerException.BadRequest when the answer does not fit the question
   */
  public Answer answer(String questionId, AnswerRequest request) {
    Pending entry = pending.get(questionId);
    if (entry == null) {
      if (answered.containsKey(questionId)) {
        throw new ServerException.Conflict("question " + questionId + " was already answered");
      }
      throw new ServerException.NotFound("no pending question " + questionId + " in this run");
    }
    Answer answer = interpret(entry.question(), request);
    if (!entry.answer().complete(answer)) {
      throw new ServerException.Conflict("question " + questionId + " was already answered");
    }
    answered.put(questionId, Boolean.TRUE);
    return answer;
  }

  /** Withdraws one question: the engine stopped waiting for it (a timeout). */
  public void withdraw(String questionId) {
    Pending entry = pending.remove(questionId);
    if (entry != null) {
      entry.answer().cancel(true);
    }
  }

  /** Withdraws every question: the run is stopping. */
  public void withdrawAll() {
    pending.values().forEach(p -> p.answer().cancel(true));
  }

  static Answer interpret(Question question, AnswerRequest request) {
    if (request.value().isPresent() && request.text().isPresent()) {
      throw new ServerException.BadRequest("give either \"value\" or \"text\", not both");
    }
    if (request.text().isPresent()) {
      String text = request.text().get();
      if (text.isBlank() || text.length() > MAX_TEXT) {
        throw new ServerException.BadRequest("\"text\" must be 1 to " + MAX_TEXT + " characters");
      }
      return switch (question.type()) {
        case FREEFORM -> Answer.text(text);
        case MULTIPLE_CHOICE -> Choices.match(question.options(), text).map(Answer::selected)
            .orElseThrow(() -> noSuchOption(question, text));
        case YES_NO, CONFIRMATION -> yesNo(text);
      };
    }
    String value = request.value().orElseThrow(() -> new ServerException.BadRequest("the answer needs \"value\" (an option key, yes, no or skipped) or \"text\""));
    if (value.equalsIgnoreCase("skipped")) {
      return Answer.skipped();
    }
    return switch (question.type()) {
      case MULTIPLE_CHOICE -> Choices.match(question.options(), value).map(Answer::selected)
          .orElseThrow(() -> noSuchOption(question, value));
      case YES_NO, CONFIRMATION -> yesNo(value);
      case FREEFORM -> {
        if (value.isBlank() || value.length() > MAX_TEXT) {
          throw new ServerException.BadRequest("the answer must be 1 to " + MAX_TEXT + " characters");
        }
        yield Answer.text(value);
      }
    };
  }

  private static Answer yesNo(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "y" -> Answer.yes();
      case "no", "n" -> Answer.no();
      default -> throw new ServerException.BadRequest("this question takes \"yes\" or \"no\", not \"" + clip(value) + "\"");
    };
  }

  private static ServerException noSuchOption(Question question, String value) {
    String keys = String.join(", ", question.options().stream().map(o -> o.key()).toList());
    return new ServerException.BadRequest("\"" + clip(value) + "\" is not one of the options (" + keys + ")");
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }
}
