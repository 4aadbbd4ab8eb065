package dev.darkfactory.pipeline.backend.agent;

import static dev.darkfactory.pipeline.backend.agent.AgentRunKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.testkit.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.darkfactory.testkit.Match;
import dev.darkfactory.testkit.Reply;
import dev.darkfactory.pipeline.state.JsonValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelines whose LLM stages are agent sessions on the twin: the scripted model creates and edits
 * files, runs a real test command through the shell tool, reports outcomes, and the engine routes
 * on them (attractor-spec.md 4.5, Appendix C).
 */
class AgentPipelineEndToEndTest {
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

  static final String FEATURE = """
      digraph Feature {
        graph [goal="Add a greeting script"]
        start [shape=Mdiamond]
        implement [prompt="Write greet.sh that prints hello world for: $goal"]
        review [prompt="Review greet.sh. Choose Approve or Rework."]
        done [shape=Msquare]
        start -> implement -> review
        review -> done [label="Approve"]
        review -> implement [label="Rework"]
      }
      """;

  @Test
  void successPathCreatesEditsTestsAndRoutesOnTheReportedLabel() {
    kit.calls("write_file", json("{'file_path':'greet.sh','content':'echo hello\\n'}"))
        .calls("edit_file", json("{'file_path':'greet.sh','old_string':'echo hello','new_string':'echo hello world'}"))
        .calls("shell", json("{'command':'sh greet.sh | grep -q world && echo TESTS PASS'}"))
        .reports(json("{'outcome':'success','notes':'greet.sh prints hello world','context_updates':{'tests':'pass'}}"))
        .reports(json("{'outcome':'success','preferred_label':'Approve','notes':'looks good'}"));

    RunResult result = kit.run(FEATURE);

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.completedNodes()).containsExactly("start", "implement", "review", "done");
    assertThat(kit.file("greet.sh")).isEqualTo("echo hello world\n");
    assertThat(result.context()).containsEntry("tests", "pass").containsEntry("last_stage", "review");
    assertThat(kit.stageFile("implement", "status.json")).contains("\"outcome\" : \"success\"", "greet.sh prints hello world");
    assertThat(kit.stageFile("implement", StageRun.EVENTS_FILE)).contains("tool_call_end", "TESTS PASS", "session_start");
    assertThat(kit.stageFile("implement", "prompt.md")).contains("Add a greeting script");
    assertThat(kit.stageFile("implement", StageFiles.INPUT)).contains("# Stage implement", "Write greet.sh");
    assertThat(kit.stageFile("review", StageFiles.RESPONSE)).isEqualTo("Done.");
    assertThat(kit.stageFile("review", StageFiles.USAGE)).contains("\"provider\" : \"anthropic\"", "\"llm_calls\" : 2");
    assertThat(kit.events.ofType(PipelineEvent.StageNote.class)).extracting(PipelineEvent.StageNote::message)
        .anySatisfy(m -> assertThat(m).startsWith("shell: sh greet.sh"))
        .anySatisfy(m -> assertThat(m).contains("agent reported success (preferred label \"Approve\")"));
    assertThat(kit.ledger.total().llmCalls()).isEqualTo(7);
    assertThat(kit.ledger.node("implement").totalTokens()).isEqualTo(5 * 1100);
    // The agent was told about the pipeline and the report_outcome tool in its system prompt.
    RecordedRequest first = kit.twin.requests("/v1/messages").getFirst();
    assertThat(first.body()).contains("report_outcome", "automated pipeline");
  }

  @Test
  void aFailedAttemptIsRetriedAndTheRetryIsToldItIsOne() {
    String dot = """
        digraph Retry {
          start [shape=Mdiamond]
          fix [prompt="Make check.sh pass", max_retries=1]
          done [shape=Msquare]
          failed [shape=parallelogram, tool_command="echo failed"]
          start -> fix
          fix -> done [condition="outcome=success"]
          fix -> failed [condition="outcome=fail"]
          failed -> done
        }
        """;
    kit.calls("shell", json("{'command':'test -f fixed.txt && echo ok || (echo NOT FIXED; exit 1)'}"))
        .reports(json("{'outcome':'fail','failure_reason':'check failed: NOT FIXED'}"))
        .calls("write_file", json("{'file_path':'fixed.txt','content':'yes'}"))
        .calls("shell", json("{'command':'test -f fixed.txt && echo ok'}"))
        .reports(json("{'outcome':'success'}"));

    RunResult result = kit.run(dot);

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.completedNodes()).containsExactly("start", "fix", "done");
    assertThat(kit.events.ofType(PipelineEvent.StageRetrying.class)).hasSize(1);
    assertThat(kit.stageFile("fix", StageFiles.INPUT)).contains("This is attempt 2 of this stage.");
    assertThat(kit.stageFile("fix", StageRun.EVENTS_FILE)).contains("NOT FIXED", "\"ok");
  }

  @Test
  void theGoalGateKeepsTheRunFromExitingUntilTheFixLands() {
    String dot = """
        digraph Gate {
          graph [goal="check.sh passes", retry_target="implement"]
          start [shape=Mdiamond]
          implement [prompt="Implement: $goal"]
          test [prompt="Run sh check.sh and report success only if it passes", goal_gate=true]
          done [shape=Msquare]
          start -> implement -> test -> done
        }
        """;
    kit.calls("write_file", json("{'file_path':'check.sh','content':'grep -q fixed state.txt'}"))
        .calls("write_file", json("{'file_path':'state.txt','content':'broken'}"))
        .reports(json("{'outcome':'success'}"))
        .calls("shell", json("{'command':'sh check.sh && echo PASS || echo FAIL'}"))
        .reports(json("{'outcome':'fail','failure_reason':'check.sh fails'}"))
        .calls("edit_file", json("{'file_path':'state.txt','old_string':'broken','new_string':'fixed'}"))
        .reports(json("{'outcome':'success','notes':'fixed state.txt'}"))
        .calls("shell", json("{'command':'sh check.sh && echo PASS || echo FAIL'}"))
        .reports(json("{'outcome':'success'}"));

    RunResult result = kit.run(dot);

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
    assertThat(kit.events.ofType(PipelineEvent.GoalGateUnsatisfied.class)).singleElement()
        .satisfies(e -> assertThat(e.gateNodeId()).isEqualTo("test"));
    assertThat(result.completedNodes()).containsExactly("start", "implement", "test", "implement", "test", "done");
    assertThat(result.nodeOutcomes()).containsEntry("test", StageStatus.SUCCESS);
    assertThat(kit.file("state.txt")).isEqualTo("fixed");
    List<String> shellOutputs = kit.twin.requests("/v1/messages").stream().map(RecordedRequest::body)
        .filter(body -> body.contains("PASS") || body.contains("FAIL")).toList();
    assertThat(shellOutputs).isNotEmpty();
  }

  @Test
  void aStatusFileTheAgentWritesIsTheOutcome() {
    String dot = """
        digraph Status {
          start [shape=Mdiamond]
          work [prompt="Try"]
          done [shape=Msquare]
          broken [shape=parallelogram, tool_command="echo broken"]
          start -> work
          work -> done [condition="outcome=success"]
          work -> broken [condition="outcome=fail"]
          broken -> done
        }
        """;
    String statusPath = temp.resolve("run/work/status.json").toString();
    kit.calls("write_file", "{\"file_path\":\"" + statusPath + "\",\"content\":\"{\\\"outcome\\\":\\\"fail\\\",\\\"failure_reason\\\":\\\"cannot\\\"}\"}")
        .says("I wrote status.json.");

    RunResult result = kit.run(dot);

    assertThat(result.completedNodes()).containsExactly("start", "work", "broken", "done");
    assertThat(result.nodeOutcomes()).containsEntry("work", StageStatus.FAIL);
  }

  @Test
  void autoStatusSucceedsWhenTheAgentReportsNothing() {
    String dot = """
        digraph Auto {
          start [shape=Mdiamond]
          work [prompt="Say hi", auto_status=true]
          done [shape=Msquare]
          start -> work -> done
        }
        """;
    kit.says("hi");
    RunResult result = kit.run(dot);
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(kit.stageFile("work", "status.json")).contains("auto-status");
    assertThat(kit.stageFile("work", "response.md")).isEqualTo("hi");
  }

  @Test
  void anUnknownModelFailsTheStageWithTheRemedyInsteadOfCallingIt() {
    String dot = """
        digraph Unknown {
          start [shape=Mdiamond]
          work [prompt="Go", llm_provider="anthropic", llm_model="claude-nonexistent-9"]
          done [shape=Msquare]
          failed [shape=parallelogram, tool_command="echo failed"]
          start -> work
          work -> done [condition="outcome=success"]
          work -> failed [condition="outcome=fail"]
          failed -> done
        }
        """;
    RunResult result = kit.run(dot);
    assertThat(result.completedNodes()).containsExactly("start", "work", "failed", "done");
    assertThat(kit.stageFile("work", "status.json")).contains("claude-nonexistent-9", "factory llm models");
    assertThat(kit.twin.requests("/v1/messages")).isEmpty();
  }

  @Test
  void parallelBranchesOfAgentsRunAtTheSameTime() {
    // Peer lesson: "consensus" branches ran one after another. Each branch's shell waits for the other's marker:
    // run in turn, the first would give up after 10 s and never write its .ok file.
    String dot = """
        digraph Both {
          start [shape=Mdiamond]
          fan [shape=component]
          a [prompt="Branch A"]
          b [prompt="Branch B"]
          join [shape=tripleoctagon]
          done [shape=Msquare]
          start -> fan
          fan -> a
          fan -> b
          a -> join
          b -> join
          join -> done
        }
        """;
    for (String self : List.of("a", "b")) {
      String other = self.equals("a") ? "b" : "a";
      String wait = "touch " + self + ".mark; for i in $(seq 1200); do [ -f " + other + ".mark ] && echo met > " + self + ".ok && exit 0; sleep 0.1; done; exit 1";
      Match branch = Match.any().bodyContains("Branch " + self.toUpperCase(java.util.Locale.ROOT));
      kit.twin.enqueue(branch, Reply.toolCall("shell", JsonValues.compact(JsonValues.object().put("command", wait))));
      kit.twin.enqueue(branch, Reply.text("Branch " + self + " done."));
    }

    RunResult result = kit.run(dot);

    assertThat(result.status()).as(result.toString()).isEqualTo(RunStatus.SUCCESS);
    assertThat(kit.workdir.resolve("a.ok")).exists();
    assertThat(kit.workdir.resolve("b.ok")).exists();
  }
}
