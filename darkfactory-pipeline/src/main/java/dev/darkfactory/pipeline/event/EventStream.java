package dev.darkfactory.pipeline.event;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's events as a blocking stream (attractor-spec.md 9.6, stream pattern): register it as a
 * listener, then consume {@link #stream()} on another thread. The stream ends after the run's final
 * event (completed, failed or stopped), following {@code loop_restart} into the next run.
 */
public final class EventStream implements PipelineListener {
  private final BlockingQueue<PipelineEvent> queue = new LinkedBlockingQueue<>();
  private String rootRunId;

  @Override
  public void onEvent(PipelineEvent event) {
    queue.add(event);
  }

  /** The events as they arrive; blocks while the run is quiet. */
  public Stream<PipelineEvent> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new EventIterator(), Spliterator.ORDERED), false);
  }

  private boolean isEnd(PipelineEvent event) {
    if (rootRunId == null && event instanceof PipelineEvent.PipelineStarted started) {
      rootRunId = started.runId();
    } else if (event instanceof PipelineEvent.PipelineRestarted restarted && restarted.runId().equals(rootRunId)) {
      rootRunId = restarted.nextRunId();
    }
    boolean terminal = event instanceof PipelineEvent.PipelineCompleted
        || event instanceof PipelineEvent.PipelineFailed
        || event instanceof PipelineEvent.PipelineStopped;
    return terminal && event.runId().equals(rootRunId);
  }

  private final class EventIterator implements Iterator<PipelineEvent> {
    private boolean ended;

    @Override
    public boolean hasNext() {
      return !ended;
    }

    @Override
    public PipelineEvent next() {
      if (ended) {
        throw new NoSuchElementException();
      }
      try {
        PipelineEvent event = queue.take();
        ended = isEnd(event);
        return event;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ended = true;
        throw new NoSuchElementException("interrupted while waiting for events");
      }
    }
  }
}
