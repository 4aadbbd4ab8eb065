package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.event.EventStream;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.CallbackInterviewer;
import dev.darkfactory.pipeline.human.QueueInterviewer;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** attractor-spec.md 9.6: every event is emitted, delivered to listeners, as a stream, and to events.jsonl. */
class EventsTest {
  @TempDir Path temp;

  static final String EVERYTHING = """
      digraph E {
        start [shape=Mdiamond]
        flaky [prompt="f", max_retries=1]
        fan [shape=component]
        a [prompt="a"]
        b [prompt="b"]
        join [shape=tripleoctagon]
        ask [shape=hexagon, label="Continue?"]
        wait [shape=hexagon, label="Still there?", timeout="50ms", human.default_choice="done"]
        gate [prompt="g", goal_gate=true, retry_target="gate"]
        done [shape=Msquare]
        start -> flaky -> fan
        fan -> a
        fan -> b
        a -> join
        b -> join
        join -> ask
        ask -> wait [label="[Y] Yes"]
        wait -> gate [label="[G] Gate"]
        wait -> done [label="[D] Done"]
        gate -> done
      }
      """;

  private PipelineTestKit kit() {
    // The first question is answered at once; the second never is, so it times out to its default.
    var first = new java.util.concurrent.atomic.AtomicBoolean(true);
    return PipelineTestKit.of(EVERYTHING, temp)
        .script(Map.of("flaky", List.of(Outcome.retry("warming up"), Outcome.success()), "gate", List.of(Outcome.fail("no"), Outcome.success())))
        .interviewer(new CallbackInterviewer(question -> {
          if (first.getAndSet(false)) {
            return Answer.text("Y");
          }
          try {
            new java.util.concurrent.CountDownLatch(1).await(); // nobody answers; the gate's timeout interrupts the wait
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Answer.skipped();
        }));
  }

  @Test
  void everyEventOfNineSixIsEmitted() {
    var run = kit().run();
    Set<String> types = run.events().events().stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
    assertThat(types).contains("PipelineStarted", "PipelineCompleted", "StageStarted", "StageCompleted", "StageFailed", "StageRetrying",
        "ParallelStarted", "ParallelBranchStarted", "ParallelBranchCompleted", "ParallelCompleted", "InterviewStarted",
        "InterviewCompleted", "InterviewTimeout", "CheckpointSaved", "EdgeSelected");
    assertThat(run.completed()).containsSequence("wait", "done");
  }

  @Test
  void theFailureEventsAreEmittedToo() {
    var run = PipelineTestKit.of(EVERYTHING.replace(", retry_target=\"gate\"", ""), temp)
        .script(Map.of("gate", List.of(Outcome.fail("no"))))
        .interviewer(QueueInterviewer.of(Answer.text("Y"), Answer.text("G"))).run();
    assertThat(run.events(PipelineEvent.PipelineFailed.class)).singleElement().satisfies(e -> {
      assertThat(e.error()).contains("Goal gate unsatisfied");
      assertThat(e.nodeId()).contains("gate");
    });
    assertThat(run.events(PipelineEvent.GoalGateUnsatisfied.class)).singleElement();
  }

  @Test
  void eventsJsonlHasOneObjectPerEventInOrder() throws Exception {
    var run = kit().run();
    List<String> lines = Files.readAllLines(run.dir().eventsFile());
    assertThat(lines).hasSize(run.events().events().size());
    List<String> types = lines.stream().map(JsonValues::parse).map(j -> j.get("type").asString()).toList();
    assertThat(types).isEqualTo(run.events().events().stream().map(e -> e.getClass().getSimpleName()).toList());
    JsonNode decision = lines.stream().map(JsonValues::parse).filter(j -> j.get("type").asString().equals("EdgeSelected"))
        .filter(j -> j.at("/decision/from").asString().equals("wait")).findFirst().orElseThrow();
    assertThat(decision.at("/decision/step").asString()).isEqualTo("preferred_label");
    assertThat(decision.at("/decision/candidates")).hasSize(2);
    JsonNode checkpoint = lines.stream().map(JsonValues::parse).filter(j -> j.get("type").asString().equals("CheckpointSaved")).findFirst().orElseThrow();
    assertThat(checkpoint.get("node_id").asString()).isEqualTo("start");
    assertThat(lines).allSatisfy(line -> assertThat(JsonValues.parse(line).has("run_id")).isTrue());
  }

  @Test
  void theAuditRecordsEachConditionsEvaluation() throws Exception {
    var run = PipelineTestKit.of("""
        digraph A {
          start [shape=Mdiamond]
          t [prompt="t"]
          done [shape=Msquare]
          fix [prompt="f"]
          start -> t
          t -> done [condition="outcome=success && context.ready=yes"]
          t -> fix [condition="outcome=fail"]
          t -> fix
          fix -> done
        }
        """, temp).context("ready", "no").run();
    JsonNode decision = Files.readAllLines(run.dir().eventsFile()).stream().map(JsonValues::parse)
        .filter(j -> j.get("type").asString().equals("EdgeSelected") && j.at("/decision/from").asString().equals("t"))
        .findFirst().orElseThrow().get("decision");
    assertThat(decision.get("step").asString()).isEqualTo("weight");
    assertThat(decision.get("to").asString()).isEqualTo("fix");
    JsonNode first = decision.get("candidates").get(0);
    assertThat(first.at("/evaluation/result").asBoolean()).isFalse();
    assertThat(first.at("/evaluation/clauses/0/resolved").asString()).isEqualTo("success");
    assertThat(first.at("/evaluation/clauses/1/clause").asString()).isEqualTo("context.ready=yes");
    assertThat(first.at("/evaluation/clauses/1/resolved").asString()).isEqualTo("no");
    assertThat(first.at("/evaluation/clauses/1/result").asBoolean()).isFalse();
  }

  @Test
  void eventsAreAlsoAStream() throws Exception {
    var kit = PipelineTestKit.of(DefinitionOfDoneTest.LINEAR, temp);
    EventStream stream = new EventStream();
    CompletableFuture<List<String>> consumed = CompletableFuture.supplyAsync(
        () -> stream.stream().map(e -> e.getClass().getSimpleName()).toList());
    kit.engine(event -> {}).start(kit.graph(), kit.options().withListener(stream)).await();
    List<String> types = consumed.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(types.getFirst()).isEqualTo("PipelineStarted");
    assertThat(types.getLast()).isEqualTo("PipelineCompleted");
    assertThat(new LinkedHashSet<>(types)).contains("StageStarted", "EdgeSelected");
  }

  @Test
  void handlersStoreArtifactsAndTheCompletionEventCountsThem() {
    var run = PipelineTestKit.of("digraph A { start [shape=Mdiamond]; big [type=\"big\"]; done [shape=Msquare]; start -> big -> done }", temp)
        .handler("big", stage -> {
          stage.artifacts().store("report", "Full report", "x".repeat(200 * 1024));
          stage.artifacts().store("summary", "Summary", "short");
          return Outcome.success();
        }).run();
    assertThat(run.events(PipelineEvent.PipelineCompleted.class).getFirst().artifactCount()).isEqualTo(2);
    assertThat(run.dir().artifactsDir().resolve("report.json")).exists();
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheRun() {
    var kit = PipelineTestKit.of(DefinitionOfDoneTest.LINEAR, temp);
    RunResult result = kit.engine(event -> {
      throw new IllegalStateException("broken display");
    }).run(kit.graph(), kit.options());
    assertThat(result.succeeded()).isTrue();
  }
}
