package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.testing.Twin;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.testkit.Match;
import dev.darkfactory.testkit.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Subagents (coding-agent-loop-spec §7, definition of done §9.9). */
class SubagentTest extends TwinFixture {
  /** Requests of a subagent scoped to {@code sub} carry its working directory in the system prompt. */
  private Match childIn(Path sub) {
    return Match.any().bodyContains("Working directory: " + sub + "\\n");
  }

  private List<AgentEvent> childEvents(EventKind kind) {
    return twin.events(AgentEvent.SubagentEvent.class).stream()
        .map(AgentEvent.SubagentEvent::event).filter(event -> event.kind() == kind).toList();
  }

  @Test
  void subagentsCannotSpawnSubagentsAtTheDefaultDepth() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    twin.server.enqueue(Reply.toolCall("spawn_agent", "{\"task\":\"nested\",\"working_dir\":\"sub\"}"));
    twin.server.enqueue(childIn(sub), Reply.toolCall("spawn_agent", "{\"task\":\"grandchild\"}"));
    twin.server.enqueue(childIn(sub), Reply.text("I could not delegate."));
    twin.server.enqueue(Reply.toolCall("wait", "{\"agent_id\":\"agent-1\"}"));
    twin.server.enqueue(Reply.text("done"));

    twin.session(Twin.profile("openai")).submit("Delegate");

    assertThat(childEvents(EventKind.TOOL_CALL_END)).singleElement().satisfies(event -> {
      AgentEvent.ToolCallEnd end = (AgentEvent.ToolCallEnd) event;
      assertThat(end.isError()).isTrue();
      assertThat(end.output()).contains("Subagent depth limit reached (max_subagent_depth = 1)");
    });
    assertThat(twin.recorded()).hasSize(5);
  }

  @Test
  void subagentHistoryIsIndependentAndTheModelCanBeOverridden() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    twin.server.enqueue(Reply.toolCall("spawn_agent",
        "{\"task\":\"CHILD TASK\",\"working_dir\":\"sub\",\"model\":\"gpt-5.2-mini\",\"max_turns\":3}"));
    twin.server.enqueue(childIn(sub), Reply.text("child result"));
    twin.server.enqueue(Reply.toolCall("wait", "{\"agent_id\":\"agent-1\"}"));
    twin.server.enqueue(Reply.text("parent done"));

    twin.session(Twin.profile("openai")).submit("PARENT PROMPT");

    var childRequest = twin.recorded().stream().filter(r -> r.body().contains("Working directory: " + sub + "\\n"))
        .findFirst().orElseThrow();
    assertThat(childRequest.body()).contains("CHILD TASK").doesNotContain("PARENT PROMPT");
    assertThat(childRequest.json().path("model").asString()).isEqualTo("gpt-5.2-mini");
    assertThat(twin.recorded().getLast().body()).contains("child result").contains("PARENT PROMPT");
  }

  @Test
  void sendInputWaitAndCloseAgent() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    twin.server.enqueue(Reply.toolCall("spawn_agent", "{\"task\":\"first job\",\"working_dir\":\"sub\"}")
        .withToolCall("wait", "{\"agent_id\":\"agent-1\"}"));
    twin.server.enqueue(childIn(sub), Reply.text("first result"));
    twin.server.enqueue(childIn(sub), Reply.text("second result"));
    twin.server.enqueue(Reply.toolCall("send_input", "{\"agent_id\":\"agent-1\",\"message\":\"second job\"}"));
    twin.server.enqueue(Reply.toolCall("wait", "{\"agent_id\":\"agent-1\"}"));
    twin.server.enqueue(Reply.toolCall("close_agent", "{\"agent_id\":\"agent-1\"}")
        .withToolCall("wait", "{\"agent_id\":\"agent-9\"}"));
    twin.server.enqueue(Reply.text("all done"));
    ProviderProfile profile = Twin.profile("anthropic");

    twin.session(profile).submit("Coordinate");

    List<String> outputs = twin.events(AgentEvent.ToolCallEnd.class).stream().map(AgentEvent.ToolCallEnd::output).toList();
    assertThat(outputs).containsExactly(
        "Spawned subagent agent-1 (status: running). Call wait with agent_id \"agent-1\" for its result.",
        "Subagent agent-1 completed (success: true, turns used: 1).\n\nfirst result",
        "Subagent agent-1 is working on your message; call wait for its result.",
        "Subagent agent-1 completed (success: true, turns used: 2).\n\nsecond result",
        "Subagent agent-1 closed (status: completed).",
        "Tool error (wait): No subagent with id 'agent-9'. Known: agent-1.");
    assertThat(childEvents(EventKind.SESSION_END)).hasSize(1);
  }

  @Test
  void subagentsRunConcurrently() throws Exception {
    Path one = Files.createDirectories(dir.resolve("one"));
    Path two = Files.createDirectories(dir.resolve("two"));
    ProviderProfile profile = Twin.profile("gemini");
    CyclicBarrier barrier = new CyclicBarrier(2);
    profile.toolRegistry().register(Tool.of(new ToolDefinition("rendezvous", "meet the other subagent",
        Schema.object().build()), (args, ctx) -> {
          barrier.await(60, TimeUnit.SECONDS);
          return "met";
        }));
    twin.server.enqueue(childIn(one), Reply.toolCall("rendezvous", "{}"));
    twin.server.enqueue(childIn(one), Reply.text("one met two"));
    twin.server.enqueue(childIn(two), Reply.toolCall("rendezvous", "{}"));
    twin.server.enqueue(childIn(two), Reply.text("two met one"));
    twin.server.enqueue(Reply.toolCall("spawn_agent", "{\"task\":\"meet\",\"working_dir\":\"one\"}")
        .withToolCall("spawn_agent", "{\"task\":\"meet\",\"working_dir\":\"two\"}"));
    twin.server.enqueue(Reply.toolCall("wait", "{\"agent_id\":\"agent-1\"}").withToolCall("wait", "{\"agent_id\":\"agent-2\"}"));
    twin.server.enqueue(Reply.text("both met"));

    SubmitResult result = twin.session(profile).submit("Run two subagents");

    assertThat(result.output()).isEqualTo("both met");
    assertThat(childEvents(EventKind.TOOL_CALL_END)).hasSize(2)
        .allSatisfy(event -> assertThat(((AgentEvent.ToolCallEnd) event).output()).isEqualTo("met"));
  }

  @Test
  void closingTheParentClosesRunningSubagents() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    twin.server.enqueue(Reply.toolCall("spawn_agent", "{\"task\":\"slow\",\"working_dir\":\"sub\"}"));
    twin.server.enqueue(childIn(sub), Reply.toolCall("shell", "{\"command\":\"sleep 300\",\"timeout_ms\":600000}"));
    twin.server.enqueue(Reply.text("spawned"));
    Session session = twin.session(Twin.profile("openai"));
    session.submit("spawn a slow child");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
        .until(() -> !childEvents(EventKind.TOOL_CALL_START).isEmpty());

    session.close();

    assertThat(childEvents(EventKind.TOOL_CALL_END)).singleElement()
        .satisfies(event -> assertThat(((AgentEvent.ToolCallEnd) event).output()).contains("cancelled"));
    assertThat(childEvents(EventKind.SESSION_END)).hasSize(1);
    assertThat(session.state()).isEqualTo(SessionState.CLOSED);
  }
}
