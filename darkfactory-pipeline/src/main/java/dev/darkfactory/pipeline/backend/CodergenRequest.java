package dev.darkfactory.pipeline.backend;

import dev.darkfactory.pipeline.event.EventSink;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.Fidelity;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a backend needs to run one LLM stage (attractor-spec.md 4.5 {@code run(node, prompt,
 * context)}, plus what an agent-backed backend needs to do it well).
 *
 * @param prompt the expanded prompt ({@code $goal} replaced), also written to {@code prompt.md}
 * @param context the run context; read it, and return changes in the outcome rather than writing it
 * @param fidelity the resolved context fidelity and, under {@code full}, the thread key whose
 *     session to continue (5.4); after a resume it may be {@code summary:high} with {@code
 *     degraded} set (5.3)
 * @param stageDir {@code {logs_root}/{node_id}/}: where the agent may write files, and where a
 *     {@code status.json} it writes is read back as the outcome (Appendix C)
 * @param execution how many times this node has been executed in the run, this one included
 *     (retries count): scripted backends pick their n-th answer with it
 * @param attempt the attempt within the current visit, from 1
 * @param cancellation fires when the run stops; long calls should abort promptly
 * @param events where to report progress
 */
public record CodergenRequest(
    Node node,
    Graph graph,
    String prompt,
    Context context,
    Fidelity fidelity,
    Path stageDir,
    Path workdir,
    int execution,
    int attempt,
    Cancellation cancellation,
    EventSink events) {

  public CodergenRequest {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(fidelity, "fidelity");
    Objects.requireNonNull(stageDir, "stageDir");
    Objects.requireNonNull(workdir, "workdir");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(events, "events");
  }
}
