package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.event.EventSink;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.ArtifactStore;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.Fidelity;
import dev.darkfactory.pipeline.state.RunDirectory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One execution of one node: the arguments of the spec's {@code execute(node, context, graph,
 * logs_root)} (attractor-spec.md 4.1) and what the engine lends the handler for this execution.
 * Built by the engine; handlers only read it.
 *
 * @param run the run directory; {@code run.root()} is the spec's {@code logs_root}
 * @param stageDir {@code {logs_root}/{node_id}/}, already created
 * @param workdir where commands run (the repository being worked on)
 * @param fidelity the resolved context fidelity (5.4)
 * @param visit how many times the node has been entered in this traversal, this time included
 * @param attempt the attempt within this visit, from 1 (retries, 3.5)
 * @param execution handler invocations of this node in the run, this one included
 * @param artifacts the run's artifact store (5.5), for outputs too large for the context; file-backed
 *     artifacts go to {@code {logs_root}/artifacts/}
 * @param branches runs the branches of a parallel node
 * @param children starts child pipelines for a manager loop
 */
public record Stage(
    Node node,
    Graph graph,
    Context context,
    RunDirectory run,
    Path stageDir,
    Path workdir,
    Fidelity fidelity,
    int visit,
    int attempt,
    int execution,
    Cancellation cancellation,
    EventSink events,
    ArtifactStore artifacts,
    BranchRunner branches,
    ChildPipelines children) {

  public Stage {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(stageDir, "stageDir");
    Objects.requireNonNull(workdir, "workdir");
    Objects.requireNonNull(fidelity, "fidelity");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(artifacts, "artifacts");
    Objects.requireNonNull(branches, "branches");
    Objects.requireNonNull(children, "children");
  }

  /** The spec's {@code logs_root}. */
  public Path logsRoot() {
    return run.root();
  }

  public String runId() {
    return events.runId();
  }
}
