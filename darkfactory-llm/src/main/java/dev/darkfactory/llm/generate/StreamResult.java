package dev.darkfactory.llm.generate;

import dev.darkfactory.llm.AbortException;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamAccumulator;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The result of {@code stream()} (unified-llm-spec §4.4): iterate it once for the events of every step, then ask for
 * {@link #response()}. {@link #textStream()} yields only text deltas. Closing it early cancels the generation.
 */
public final class StreamResult implements Iterable<StreamEvent>, AutoCloseable {

  private final Generator.Operation operation;
  private final BlockingQueue<StreamEvent> queue = new LinkedBlockingQueue<>();
  private final List<StepResult> steps = Collections.synchronizedList(new ArrayList<>());
  private StreamAccumulator accumulator = new StreamAccumulator("", "");
  private boolean iterating;
  private boolean ended;
  private Response finalResponse;
  private LlmException error;

  StreamResult(Generator.Operation operation) {
    this.operation = operation;
  }

  void emit(StreamEvent event) {
    queue.add(event);
  }

  void addStep(StepResult step) {
    steps.add(step);
  }

  @Override
  public synchronized Iterator<StreamEvent> iterator() {
    if (iterating) {
      throw new IllegalStateException("A StreamResult can be iterated only once");
    }
    iterating = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !ended;
      }

      @Override
      public StreamEvent next() {
        if (ended) {
          throw new NoSuchElementException();
        }
        StreamEvent event = take();
        accept(event);
        return event;
      }
    };
  }

  private StreamEvent take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      operation.signal().abort();
      return new StreamEvent.Error(new AbortException("Interrupted while waiting for the stream", e));
    }
  }

  private void accept(StreamEvent event) {
    accumulator.process(event);
    switch (event) {
      case StreamEvent.Finish finish -> {
        finalResponse = finish.response();
        ended = true;
      }
      case StreamEvent.Error failure -> {
        error = failure.error();
        ended = true;
      }
      case StreamEvent.StepFinish ignored -> accumulator = new StreamAccumulator("", "");
      default -> {
        // Deltas only update the partial response.
      }
    }
  }

  /** Only the text deltas, in order (§4.4 {@code text_stream}); consumes the events. */
  public Iterable<String> textStream() {
    Iterator<StreamEvent> events = iterator();
    return () -> new Iterator<>() {
      private String next;

      @Override
      public boolean hasNext() {
        while (next == null && events.hasNext()) {
          if (events.next() instanceof StreamEvent.TextDelta delta) {
            next = delta.delta();
          }
        }
        return next != null;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String value = next;
        next = null;
        return value;
      }
    };
  }

  /** The final response, consuming any events not yet read; throws the error that ended the stream. */
  public synchronized Response response() {
    if (!iterating) {
      iterator().forEachRemaining(event -> {});
    }
    while (!ended) {
      accept(take());
    }
    if (error != null) {
      throw error;
    }
    if (finalResponse == null) {
      throw new StreamException("The stream ended without a response");
    }
    return finalResponse;
  }

  /** The current step's response as accumulated so far (§4.4 {@code partial_response}). */
  public Response partialResponse() {
    return accumulator.partialResponse();
  }

  /** Completed steps so far. */
  public List<StepResult> steps() {
    synchronized (steps) {
      return List.copyOf(steps);
    }
  }

  /** Usage summed over completed steps. */
  public Usage totalUsage() {
    return steps().stream().map(StepResult::usage).reduce(Usage.empty(), Usage::plus);
  }

  /** Cancels the generation; the stream ends with an Error event carrying an abort. */
  @Override
  public void close() {
    if (!ended) {
      operation.signal().abort();
    }
  }
}
