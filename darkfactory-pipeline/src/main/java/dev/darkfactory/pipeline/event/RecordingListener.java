package dev.darkfactory.pipeline.event;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event, for tests and for replaying a run's events to late subscribers. Thread-safe. */
public final class RecordingListener implements PipelineListener {
  private final List<PipelineEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(PipelineEvent event) {
    events.add(event);
  }

  public synchronized List<PipelineEvent> events() {
    return List.copyOf(events);
  }

  public <T extends PipelineEvent> List<T> ofType(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
