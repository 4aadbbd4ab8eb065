package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.event.EventJson;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.PipelineListener;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.report.RunProjection;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.server.sse.EventHub;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run executing in this server: its cancellation, its web interviewer, and the listener that
 * hands each event to the SSE hub and folds it into the progress projection. The engine writes
 * the same events, in the same order and one at a time, to {@code events.jsonl}; the hub starts
 * from the lines already there, so an event's SSE id is its line number, which is what makes
 * {@code Last-Event-ID} work across restarts.
 */
final class LiveRun implements PipelineListener {
  private final String id;
  private final Graph graph;
  private final RunDirectory directory;
  private final RunOptions options;
  private final Cancellation cancellation = Cancellation.create();
  private final WebInterviewer interviewer;
  private final EventHub hub;
  private final RunProjection projection;
  /** The engine has returned; the run is being closed (its final status may already be in the index). */
  private volatile boolean ended;

  LiveRun(String id, Graph graph, RunDirectory directory, RunOptions options, Clock clock, int queueCapacity) {
    this.id = id;
    this.graph = graph;
    this.directory = directory;
    this.options = options;
    this.interviewer = new WebInterviewer(clock);
    List<String> earlier = RunFiles.readEvents(directory);
    this.hub = new EventHub(earlier, queueCapacity);
    this.projection = new RunProjection();
    earlier.forEach(line -> projection.apply(JsonValues.parse(line)));
  }

  @Override
  public void onEvent(PipelineEvent event) {
    ObjectNode json = EventJson.toJson(event);
    projection.apply(json);
    hub.append(JsonValues.compact(json));
    // The engine moves on after a timeout without interrupting the interviewer; withdraw the question so it stops showing.
    if (event instanceof PipelineEvent.InterviewTimeout timeout) {
      interviewer.withdraw(timeout.question().id());
    }
  }

  /**
   * Stops the run: the engine first (its human gate turns the stop into a resumable {@code
   * stopped}), then the questions still waiting here, whose threads the engine does not interrupt.
   */
  void stop(dev.darkfactory.pipeline.state.StopReason reason) {
    cancellation.cancel(reason);
    interviewer.withdrawAll();
  }

  Execution execution(boolean resume) {
    return new Execution(id, graph, directory, options, interviewer, this, cancellation, resume);
  }

  /** The run is over: end every SSE stream after its last event. */
  void markEnded() {
    ended = true;
  }

  boolean ended() {
    return ended;
  }

  void finish() {
    interviewer.withdrawAll();
    hub.close();
  }

  String id() {
    return id;
  }

  Graph graph() {
    return graph;
  }

  RunDirectory directory() {
    return directory;
  }

  Cancellation cancellation() {
    return cancellation;
  }

  WebInterviewer interviewer() {
    return interviewer;
  }

  EventHub hub() {
    return hub;
  }

  RunProjection projection() {
    return projection;
  }
}
