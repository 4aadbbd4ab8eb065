package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.event.PipelineListener;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.human.Interviewer;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.RunDirectory;
import java.util.Objects;

/**
 * One run for the engine to execute or resume: what the server hands to its {@link
 * PipelineExecutor}. The listener sees every event; the interviewer answers human gates from the
 * web; the cancellation fires on {@code POST /pipelines/{id}/cancel} or server shutdown.
 */
public record Execution(
    String runId,
    Graph graph,
    RunDirectory directory,
    RunOptions options,
    Interviewer interviewer,
    PipelineListener listener,
    Cancellation cancellation,
    boolean resume) {

  public Execution {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(interviewer, "interviewer");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancellation, "cancellation");
  }
}
