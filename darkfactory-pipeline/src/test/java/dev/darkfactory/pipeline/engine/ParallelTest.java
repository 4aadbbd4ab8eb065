package dev.darkfactory.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.pipeline.event.PipelineEvent.ParallelBranchCompleted;
import dev.darkfactory.pipeline.handler.ParallelResults;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.CheckpointStore;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.testkit.process.PidFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel fan-out and fan-in (attractor-spec.md 4.8, 4.9, 3.8) and the branch merge rule. */
class ParallelTest {
  @TempDir Path temp;

  static final String FAN = """
      digraph P {
        start [shape=Mdiamond]
        fan [shape=component]
        a [prompt="a"]
        b [prompt="b"]
        c [prompt="c"]
        join [shape=tripleoctagon]
        done [shape=Msquare]
        start -> fan
        fan -> a
        fan -> b
        fan -> c
        a -> join
        b -> join
        c -> join
        join -> done
      }
      """;

  @Test
  void branchesRunAtTheSameTime() {
    // Both branches must be inside their handler together to pass the barrier; run one after the
    // other, the first would wait alone until the barrier times out and the branch would fail.
    CyclicBarrier meet = new CyclicBarrier(2);
    var run = PipelineTestKit.of("""
        digraph P {
          start [shape=Mdiamond]
          fan [shape=component]
          a [type="meet"]
          b [type="meet"]
          join [shape=tripleoctagon]
          done [shape=Msquare]
          start -> fan
          fan -> a
          fan -> b
          a -> join
          b -> join
          join -> done
        }
        """, temp).handler("meet", stage -> {
          meet.await(60, TimeUnit.SECONDS);
          return Outcome.success();
        }).run();
    assertThat(run.events(ParallelBranchCompleted.class)).allMatch(ParallelBranchCompleted::success);
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void maxParallelBoundsHowManyBranchesRunAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    String dot = """
        digraph P {
          start [shape=Mdiamond]
          fan [shape=component, max_parallel=2]
          a [type="busy"]
          b [type="busy"]
          c [type="busy"]
          d [type="busy"]
          join [shape=tripleoctagon]
          done [shape=Msquare]
          start -> fan
          fan -> a
          fan -> b
          fan -> c
          fan -> d
          a -> join
          b -> join
          c -> join
          d -> join
          join -> done
        }
        """;
    // Branches meet in pairs: two must be inside at once to pass, and a third let in would raise the peak.
    CyclicBarrier pair = new CyclicBarrier(2);
    var run = PipelineTestKit.of(dot, temp).handler("busy", stage -> {
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      pair.await(60, TimeUnit.SECONDS);
      running.decrementAndGet();
      return Outcome.success();
    }).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(peak.get()).isEqualTo(2);
  }

  @Test
  void firstSuccessCancelsTheOtherBranchesAndKillsTheirCommands() throws Exception {
    PidFile pids = PidFile.at(temp.resolve("slow.pids"));
    Path finished = temp.resolve("slow-finished");
    String dot = """
        digraph P {
          start [shape=Mdiamond]
          fan [shape=component, join_policy="first_success"]
          quick [type="quick"]
          slow [shape=parallelogram, tool_command="RECORD_SHELL; sleep 300 & RECORD_SLEEP; wait; touch FINISHED"]
          join [shape=tripleoctagon]
          done [shape=Msquare]
          start -> fan
          fan -> quick
          fan -> slow
          quick -> join
          slow -> join
          join -> done
        }
        """.replace("RECORD_SHELL", pids.append("$$")).replace("RECORD_SLEEP", pids.append("$!")).replace("FINISHED", finished.toString());
    var run = PipelineTestKit.of(dot, temp).handler("quick", stage -> {
      // Succeed once the slow branch's command runs, so first_success has a command to kill.
      await().atMost(Duration.ofSeconds(60)).until(() -> pids.pids().size() == 2);
      return Outcome.success();
    }).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    List<ParallelResults.Candidate> results = ParallelResults.read(run.context(ContextKeys.PARALLEL_RESULTS));
    assertThat(results).filteredOn(c -> c.branch().equals("slow")).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(StageStatus.SKIPPED));
    assertThat(run.context(ContextKeys.FAN_IN_BEST_ID)).isEqualTo("quick");
    try {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).as("the losing branch's command is killed").isEmpty());
    } finally {
      pids.destroyAll();
    }
    assertThat(finished).doesNotExist();
  }

  @Test
  void branchesWorkOnIsolatedCopiesAndEverythingTheyWriteComesBackNamespaced() {
    var run = PipelineTestKit.of(FAN, temp).context("shared", "before").backend(request -> {
      String id = request.node().id();
      String sawShared = request.context().getString("shared");
      String sawSibling = request.context().getString("result");
      return dev.darkfactory.pipeline.backend.CodergenResult.outcome(Outcome.success()
          .withContextUpdate("result", id.toUpperCase())
          .withContextUpdate("saw", sawShared + "|" + sawSibling)
          .withContextUpdate("shared", "changed by " + id)
          .withContextUpdate("score", id.equals("b") ? 9 : 1));
    }).run();
    Map<String, Object> context = run.result().context();
    // Every branch's writes survive the join under parallel.branch.<branch>.<key>.
    assertThat(context).containsEntry("parallel.branch.a.result", "A").containsEntry("parallel.branch.b.result", "B")
        .containsEntry("parallel.branch.c.result", "C");
    // No branch saw another's writes, and each saw the parent's value.
    assertThat(context).containsEntry("parallel.branch.a.saw", "before|").containsEntry("parallel.branch.c.saw", "before|");
    // The fan-in picked b (highest score among equals) and applied b's changes under their own keys.
    assertThat(context).containsEntry(ContextKeys.FAN_IN_BEST_ID, "b").containsEntry("result", "B").containsEntry("shared", "changed by b");
  }

  @Test
  void theRunContinuesAtTheFanInAndBranchNodesAreReportedInTheResults() {
    var run = PipelineTestKit.of(FAN, temp).run();
    assertThat(run.completed()).containsExactly("start", "fan", "join", "done");
    List<ParallelResults.Candidate> results = ParallelResults.read(run.context(ContextKeys.PARALLEL_RESULTS));
    assertThat(results).extracting(ParallelResults.Candidate::branch).containsExactly("a", "b", "c");
    assertThat(run.context(ContextKeys.PARALLEL_SUCCESS_COUNT)).isEqualTo(3L);
  }

  @Test
  void waitAllIsPartialWhenABranchFailsAndTheFanInPicksASuccess() {
    var run = PipelineTestKit.of(FAN, temp).script(Map.of("a", List.of(Outcome.fail("broken")))).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("fan", StageStatus.PARTIAL_SUCCESS).containsEntry("join", StageStatus.SUCCESS);
    assertThat(run.context(ContextKeys.FAN_IN_BEST_ID)).isEqualTo("b");
    assertThat(run.context(ContextKeys.PARALLEL_FAILURE_COUNT)).isEqualTo(1L);
  }

  @Test
  void theFanInFailsWhenEveryCandidateFailed() {
    var run = PipelineTestKit.of(FAN, temp)
        .script(Map.of("a", List.of(Outcome.fail("x")), "b", List.of(Outcome.fail("y")), "c", List.of(Outcome.fail("z")))).run();
    assertThat(run.result().nodeOutcomes()).containsEntry("fan", StageStatus.PARTIAL_SUCCESS).containsEntry("join", StageStatus.FAIL);
    assertThat(run.events(dev.darkfactory.pipeline.event.PipelineEvent.StageFailed.class)).filteredOn(e -> e.nodeId().equals("join"))
        .singleElement().satisfies(e -> assertThat(e.error()).contains("all 3 parallel candidates failed"));
  }

  @Test
  void aFanInWithAPromptAsksTheBackendToRank() {
    String dot = FAN.replace("join [shape=tripleoctagon]", "join [shape=tripleoctagon, prompt=\"Pick the best\"]");
    var run = PipelineTestKit.of(dot, temp).script(Map.of("join", List.of(Outcome.success().withSuggestedNextIds(List.of("c"))))).run();
    assertThat(run.context(ContextKeys.FAN_IN_BEST_ID)).isEqualTo("c");
    assertThat(run.dir().root().resolve("join").resolve("prompt.md")).content().contains("Pick the best", "- a: outcome=success");
  }

  @Test
  void firstSuccessFailsWhenNoBranchSucceeds() {
    var run = PipelineTestKit.of(FAN.replace("fan [shape=component]", "fan [shape=component, join_policy=\"first_success\"]"), temp)
        .script(Map.of("a", List.of(Outcome.fail("x")), "b", List.of(Outcome.fail("y")), "c", List.of(Outcome.fail("z")))).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.result().nodeOutcomes()).containsEntry("fan", StageStatus.FAIL);
  }

  @Test
  void branchesThatJoinAtDifferentNodesFailTheParallelStage() {
    var run = PipelineTestKit.of("""
        digraph P {
          start [shape=Mdiamond]
          fan [shape=component]
          a; b
          j1 [shape=tripleoctagon]
          j2 [shape=tripleoctagon]
          done [shape=Msquare]
          start -> fan
          fan -> a
          fan -> b
          a -> j1
          b -> j2
          j1 -> done
          j2 -> done
        }
        """, temp).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.FAIL);
    assertThat(run.result().failureReason()).hasValueSatisfying(r -> assertThat(r).contains("different join nodes [j1, j2]"));
  }

  @Test
  void everyBranchHasItsOwnCheckpoint() {
    var run = PipelineTestKit.of(FAN, temp).run();
    for (String branch : List.of("0-a", "1-b", "2-c")) {
      Checkpoint checkpoint = CheckpointStore.in(run.dir().root().resolve("fan/branches/1.1").resolve(branch)).load().orElseThrow();
      assertThat(checkpoint.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(checkpoint.next()).hasValueSatisfying(next -> assertThat(next.nodeId()).isEqualTo("join"));
    }
  }

  @Test
  void aCustomHandlerThatJoinsBranchesIsTreatedAsAFanIn() {
    // The engine asks a handler's capabilities, never its type: a user's own join node works as the built-in fan-in does.
    List<String> joined = new java.util.concurrent.CopyOnWriteArrayList<>();
    var run = PipelineTestKit.of("""
        digraph P {
          start [shape=Mdiamond]
          fan [shape=component]
          a [prompt="a"]
          b [prompt="b"]
          gather [type="gather"]
          done [shape=Msquare]
          start -> fan
          fan -> a
          fan -> b
          a -> gather
          b -> gather
          gather -> done
        }
        """, temp).handler("gather", new dev.darkfactory.pipeline.handler.Handler() {
          @Override
          public Outcome execute(dev.darkfactory.pipeline.handler.Stage stage) {
            joined.add(stage.node().id());
            return Outcome.success();
          }

          @Override
          public java.util.Set<dev.darkfactory.pipeline.handler.HandlerCapability> capabilities(dev.darkfactory.pipeline.graph.Node node) {
            return java.util.Set.of(dev.darkfactory.pipeline.handler.HandlerCapability.JOINS_BRANCHES);
          }
        }).run();
    assertThat(run.result().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.completed()).containsExactly("start", "fan", "gather", "done");
    assertThat(joined).as("branches stop at the join; it runs once, after them").containsExactly("gather");
  }
}
