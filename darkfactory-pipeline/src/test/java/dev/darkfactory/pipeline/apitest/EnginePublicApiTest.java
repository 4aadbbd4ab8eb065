package dev.darkfactory.pipeline.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.engine.PipelineEngine;
import dev.darkfactory.pipeline.engine.RunHandle;
import dev.darkfactory.pipeline.engine.RunOptions;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.event.EventJson;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.CallbackInterviewer;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.state.DirectoryRunStore;
import dev.darkfactory.pipeline.state.Manifest;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the HTTP server will do, through public types only: keep runs in a data directory, start
 * one, watch its events, answer its question from another thread, cancel it, list it and resume it.
 */
class EnginePublicApiTest {
  @TempDir Path temp;

  @Test
  void startWatchAnswerCancelListAndResume() throws Exception {
    Graph graph = PipelineLoader.create().load(new SourceText("api.dot", """
        digraph Api {
          graph [goal="serve"]
          start [shape=Mdiamond]
          plan [prompt="Plan $goal"]
          approve [shape=hexagon, label="Go on?"]
          work [type="work"]
          done [shape=Msquare]
          start -> plan -> approve
          approve -> work [label="[Y] Yes"]
          approve -> done [label="[N] No"]
          work -> done
        }
        """)).requireValid();

    // A web interviewer parks questions until an answer is posted.
    BlockingQueue<Question> pending = new LinkedBlockingQueue<>();
    BlockingQueue<Answer> posted = new LinkedBlockingQueue<>();
    CallbackInterviewer web = new CallbackInterviewer(question -> {
      pending.add(question);
      try {
        return posted.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Answer.skipped();
      }
    });
    BlockingQueue<String> workStarted = new LinkedBlockingQueue<>();
    HandlerRegistry handlers = HandlerRegistry.standard(request -> CodergenResult.text("planned: " + request.prompt()), web)
        .with("work", stage -> {
          workStarted.add(stage.node().id());
          stage.cancellation().await(Duration.ofSeconds(30));
          return Outcome.fail("interrupted");
        });
    List<String> sse = new CopyOnWriteArrayList<>();
    PipelineEngine engine = PipelineEngine.builder().handlers(handlers)
        .listener(event -> sse.add(EventJson.toJson(event).toString())).build();
    DirectoryRunStore store = new DirectoryRunStore(temp.resolve("data"));
    RunDirectory dir = store.create("run-1");

    RunHandle run = engine.start(graph, RunOptions.in(dir.root()).withRunId("run-1"));
    Question question = pending.poll(20, TimeUnit.SECONDS);
    assertThat(question).isNotNull();
    assertThat(question.text()).isEqualTo("Go on?");
    posted.add(Answer.text("Y"));
    assertThat(workStarted.poll(20, TimeUnit.SECONDS)).isEqualTo("work");
    run.cancel(StopReason.cancelled("stopped from the web UI"));
    RunResult stopped = run.await();

    assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(sse).anySatisfy(line -> assertThat(line).contains("\"type\":\"PipelineStopped\"", "stopped from the web UI"));
    assertThat(store.list()).extracting(Manifest::runId, Manifest::status).containsExactly(org.assertj.core.groups.Tuple.tuple("run-1", RunStatus.STOPPED));

    HandlerRegistry fixed = handlers.with("work", stage -> Outcome.success("done"));
    PipelineEngine again = PipelineEngine.builder().handlers(fixed).build();
    RunResult finished = again.resume(graph, store.open("run-1").orElseThrow(), RunOptions.in(dir.root()).withRunId("run-1")).await();
    assertThat(finished.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(finished.completedNodes()).containsExactly("start", "plan", "approve", "work", "done");
    assertThat(finished.context()).containsEntry("human.gate.selected", "Y");
  }
}
