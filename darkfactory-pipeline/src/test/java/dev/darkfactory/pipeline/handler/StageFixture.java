package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.event.EventSink;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.RecordingListener;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.Fidelity;
import dev.darkfactory.pipeline.state.FidelityMode;
import dev.darkfactory.pipeline.state.RunDirectory;
import java.nio.file.Path;
import java.time.Instant;

/** Builds a {@link Stage} for one node of a DOT string, for handler tests without the engine. */
final class StageFixture {
  final Graph graph;
  final Context context = new Context();
  final Cancellation cancellation = Cancellation.create();
  final RecordingListener events = new RecordingListener();
  final RunDirectory run;

  StageFixture(String dot, Path logsRoot) {
    this.graph = DotParser.parse("t.dot", dot);
    this.run = RunDirectory.at(logsRoot);
  }

  Stage stage(String nodeId) {
    EventSink sink = new EventSink() {
      @Override
      public String runId() {
        return "run-1";
      }

      @Override
      public String branch() {
        return "";
      }

      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void publish(PipelineEvent event) {
        events.onEvent(event);
      }
    };
    BranchRunner noBranches = (start, index, ctx, cancel) -> {
      throw new UnsupportedOperationException("no branches here");
    };
    ChildPipelines noChildren = (file, root, workdir, ctx) -> {
      throw new UnsupportedOperationException("no children here");
    };
    return new Stage(graph.node(nodeId).orElseThrow(), graph, context, run, run.stageDir(nodeId), run.root(), Fidelity.of(FidelityMode.COMPACT),
        1, 1, 1, cancellation, sink, noBranches, noChildren);
  }
}
