package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.event.EventSink;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.HumanUnavailableException;
import dev.darkfactory.pipeline.human.Interviewer;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks an interviewer on behalf of a stage: on a virtual thread, so the question's timeout (6.5)
 * and the run's cancellation apply to every interviewer, even one that blocks forever; with the
 * interview events of 9.6 around it.
 */
final class Interviews {
  private Interviews() {}

  /**
   * The answer, {@link Question#onTimeout()} when the timeout passes first.
   *
   * @throws StopRunException when the interviewer has no human to ask, or the run was cancelled
   */
  static Answer ask(Interviewer interviewer, Question question, Cancellation cancellation, EventSink events) {
    Instant started = events.now();
    events.publish(new PipelineEvent.InterviewStarted(events.runId(), started, question, question.stage()));
    // A FutureTask, because cancelling it interrupts the thread: an interviewer blocked on input lets go.
    FutureTask<Answer> pending = new FutureTask<>(() -> interviewer.ask(question));
    Thread.ofVirtual().name("interview-" + question.stage()).start(pending);
    Cancellation.Registration onCancel = cancellation.onCancel(() -> pending.cancel(true));
    try {
      Answer answer = question.timeout().isPresent()
          ? pending.get(question.timeout().get().toNanos(), TimeUnit.NANOSECONDS)
          : pending.get();
      if (answer instanceof Answer.Timeout) {
        return timedOut(question, started, events);
      }
      events.publish(new PipelineEvent.InterviewCompleted(events.runId(), events.now(), question, answer, Duration.between(started, events.now())));
      return answer;
    } catch (TimeoutException e) {
      pending.cancel(true);
      return timedOut(question, started, events);
    } catch (CancellationException e) {
      throw new StopRunException(cancellation.reason().orElse(StopReason.cancelled("cancelled while waiting for a human")));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new StopRunException(cancellation.reason().orElse(StopReason.cancelled("interrupted while waiting for a human")));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HumanUnavailableException unavailable) {
        throw new StopRunException(StopReason.needsHuman(unavailable.getMessage()));
      }
      throw new IllegalStateException("the interviewer failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      onCancel.close();
    }
  }

  private static Answer timedOut(Question question, Instant started, EventSink events) {
    Duration waited = Duration.between(started, events.now());
    events.publish(new PipelineEvent.InterviewTimeout(events.runId(), events.now(), question, question.stage(), waited));
    return question.onTimeout();
  }
}
