package dev.darkfactory.pipeline.backend.agent;

import static dev.darkfactory.pipeline.backend.agent.AgentRunKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.testkit.Match;
import dev.darkfactory.testkit.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tool hooks around every agent tool call (attractor-spec.md 9.7), steering a running stage through
 * {@code steer.md} (4.11), fan-in ranking by the backend (4.9), and the model correcting a bad
 * {@code report_outcome}.
 */
class HooksSteeringAndFanInTest {
  @TempDir Path temp;
  AgentRunKit kit;

  @BeforeEach
  void setUp() {
    kit = new AgentRunKit(temp);
  }

  @AfterEach
  void tearDown() {
    kit.close();
  }

  @Test
  void aFailingPreHookSkipsTheCallAndBothHooksSeeTheMetadata() throws IOException {
    Files.writeString(kit.workdir.resolve("pre.sh"), """
        cat > "hook-$ATTRACTOR_TOOL_CALL_ID.json"
        echo "$ATTRACTOR_HOOK $ATTRACTOR_TOOL_NAME $ATTRACTOR_NODE_ID" >> hooks.log
        if [ "$ATTRACTOR_TOOL_NAME" = shell ]; then echo "no shell here" >&2; exit 3; fi
        """, StandardCharsets.UTF_8);
    Files.writeString(kit.workdir.resolve("post.sh"), """
        echo "post $ATTRACTOR_TOOL_NAME error=$ATTRACTOR_TOOL_IS_ERROR" >> hooks.log
        exit 1
        """, StandardCharsets.UTF_8);
    String dot = """
        digraph Hooks {
          graph [tool_hooks.pre="sh pre.sh"]
          start [shape=Mdiamond]
          work [prompt="Work", tool_hooks.post="sh post.sh"]
          done [shape=Msquare]
          start -> work -> done
        }
        """;
    kit.calls("write_file", json("{'file_path':'out.txt','content':'written'}"))
        .calls("shell", json("{'command':'echo should-not-run > ran.txt'}"))
        .says("Done.");

    RunResult result = kit.run(dot);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(kit.file("out.txt")).isEqualTo("written");
    assertThat(Files.exists(kit.workdir.resolve("ran.txt"))).isFalse();
    assertThat(kit.file("hooks.log")).isEqualTo("""
        pre write_file work
        post write_file error=false
        pre shell work
        post shell error=true
        """);
    String hookInput = kit.file("hook-toolu_twin_1_0.json");
    assertThat(hookInput).contains("\"hook\":\"pre\"", "\"tool_name\":\"write_file\"", "\"file_path\":\"out.txt\"", "\"node_id\":\"work\"");
    assertThat(kit.stageFile("work", ShellToolHooks.LOG_FILE)).contains("\"skipped_call\":true", "\"exit_code\":3", "no shell here");
    assertThat(kit.twin.requests("/v1/messages").get(2).body()).contains("Tool call skipped: the pre-hook exited with exit code 3: no shell here");
  }

  @Test
  void aPreHookThatHangsOrCannotRunSkipsTheCall() throws IOException {
    kit.close();
    // Long enough for a missing command to fail on a loaded machine, far too short for the hanging hook.
    kit = new AgentRunKit(temp).hookTimeout(java.time.Duration.ofSeconds(2));
    String dot = """
        digraph Hang {
          start [shape=Mdiamond]
          slow [prompt="Work", tool_hooks.pre="sleep 300"]
          broken [prompt="Work", tool_hooks.pre="no-such-command-xyz"]
          done [shape=Msquare]
          start -> slow -> broken -> done
        }
        """;
    kit.calls("write_file", json("{'file_path':'a.txt','content':'a'}")).says("Tried.")
        .calls("write_file", json("{'file_path':'b.txt','content':'b'}")).says("Tried again.");
    RunResult result = kit.run(dot);
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Files.exists(kit.workdir.resolve("a.txt"))).isFalse();
    assertThat(Files.exists(kit.workdir.resolve("b.txt"))).isFalse();
    assertThat(kit.stageFile("slow", ShellToolHooks.LOG_FILE)).contains("\"problem\":\"timed out after 2s\"", "\"skipped_call\":true");
    assertThat(kit.stageFile("broken", ShellToolHooks.LOG_FILE)).contains("\"exit_code\":127", "\"skipped_call\":true");
  }

  @Test
  void aSteerFileInTheStageDirectoryReachesTheRunningAgent() throws IOException {
    Path stageDir = Files.createDirectories(temp.resolve("run/work"));
    Files.writeString(stageDir.resolve(StageWatchdog.STEER_FILE), "Use TypeScript instead.", StandardCharsets.UTF_8);
    String dot = """
        digraph Steer {
          start [shape=Mdiamond]
          work [prompt="Write the tool", stall_timeout="30s"]
          done [shape=Msquare]
          start -> work -> done
        }
        """;
    // The agent's command runs until the steering has been delivered, rather than for a time a loaded watchdog could miss.
    kit.calls("shell", json(untilDelivered(stageDir))).says("Switched to TypeScript.");

    RunResult result = kit.run(dot);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(kit.twin.requests("/v1/messages").get(1).body()).contains("Use TypeScript instead.");
    assertThat(Files.exists(stageDir.resolve("steer.delivered.1.md"))).isTrue();
    assertThat(kit.stageFile("work", StageRun.EVENTS_FILE)).contains("steering_injected");
  }

  @Test
  void aManagerSteersTheAgentOfItsChildPipelinesActiveStage() throws IOException {
    // 4.11 end to end: the manager's steer lands in the child's running stage, whose agent session takes it in.
    Files.writeString(kit.workdir.resolve("child.dot"), """
        digraph Child {
          start [shape=Mdiamond]
          work [prompt="Write the tool", stall_timeout="30s"]
          done [shape=Msquare]
          start -> work -> done
        }
        """, StandardCharsets.UTF_8);
    String parent = """
        digraph Parent {
          graph [stack.child_dotfile="child.dot"]
          start [shape=Mdiamond]
          manager [shape=house, manager.poll_interval="50ms", manager.actions="observe,steer,wait", prompt="Use TypeScript instead."]
          done [shape=Msquare]
          start -> manager
          manager -> done [condition="outcome=success"]
        }
        """;
    kit.calls("shell", json(untilDelivered(kit.logsRoot.resolve("manager/child/work")))).says("Switched to TypeScript.");

    RunResult result = kit.run(parent);

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.context()).containsEntry("stack.child.status", "completed");
    assertThat(kit.twin.requests("/v1/messages")).hasSize(2);
    assertThat(kit.twin.requests("/v1/messages").get(1).body()).contains("Use TypeScript instead.");
    assertThat(kit.stageFile("manager/child/work", StageRun.EVENTS_FILE)).contains("steering_injected");
  }

  @Test
  void theFanInRanksTheBranchesThroughTheBackend() {
    String dot = """
        digraph Explore {
          graph [goal="Pick the faster approach"]
          start [shape=Mdiamond]
          fork [shape=component]
          approach_a [prompt="Try a hash map"]
          approach_b [prompt="Try a sorted array"]
          pick [shape=tripleoctagon, prompt="Rank the approaches by speed"]
          done [shape=Msquare]
          start -> fork
          fork -> approach_a
          fork -> approach_b
          approach_a -> pick
          approach_b -> pick
          pick -> done
        }
        """;
    kit.twin.enqueue(Match.any().bodyContains("# Stage approach_a"), Reply.toolCall("report_outcome",
        json("{'outcome':'success','notes':'hash map: 12ms'}")).withUsage(500, 50));
    kit.twin.enqueue(Match.any().bodyContains("# Stage approach_a"), Reply.text("A measured.").withUsage(500, 50));
    kit.twin.enqueue(Match.any().bodyContains("# Stage approach_b"), Reply.toolCall("report_outcome",
        json("{'outcome':'success','notes':'sorted array: 4ms'}")).withUsage(500, 50));
    kit.twin.enqueue(Match.any().bodyContains("# Stage approach_b"), Reply.text("B measured.").withUsage(500, 50));
    kit.twin.enqueue(Match.any().bodyContains("# Stage pick"), Reply.toolCall("report_outcome",
        json("{'outcome':'success','suggested_next_ids':['approach_b'],'notes':'4ms beats 12ms'}")).withUsage(500, 50));
    kit.twin.enqueue(Match.any().bodyContains("# Stage pick"), Reply.text("B wins.").withUsage(500, 50));

    RunResult result = kit.run(dot);

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.context()).containsEntry("parallel.fan_in.best_id", "approach_b");
    assertThat(kit.stageFile("pick", StageFiles.INPUT)).contains("approach_a: outcome=success; notes: hash map: 12ms",
        "approach_b: outcome=success; notes: sorted array: 4ms");
    assertThat(kit.ledger.byNode()).containsKeys("approach_a", "approach_b", "pick");
  }

  @Test
  void anInvalidReportGoesBackToTheModelToCorrect() {
    String dot = """
        digraph Report {
          start [shape=Mdiamond]
          work [prompt="Work"]
          done [shape=Msquare]
          start -> work -> done
        }
        """;
    kit.calls("report_outcome", json("{'outcome':'succeeded'}"))
        .reports(json("{'outcome':'partial_success','notes':'half done'}"));
    RunResult result = kit.run(dot);
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(kit.stageFile("work", "status.json")).contains("partial_success", "half done");
    assertThat(kit.twin.requests("/v1/messages").get(1).body()).contains("Invalid arguments for tool: report_outcome", "enumeration");
  }

  /** A shell call that waits until the stage's steering file has been delivered to the session (a minute at most). */
  private static String untilDelivered(Path stageDir) {
    String delivered = stageDir.resolve("steer.delivered.1.md").toString();
    return "{'command':'for i in $(seq 1200); do [ -f " + delivered + " ] && exit 0; sleep 0.05; done; exit 1','timeout_ms':120000}";
  }
}
