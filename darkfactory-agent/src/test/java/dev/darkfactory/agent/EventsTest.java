package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.testing.Twin;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The event system of coding-agent-loop-spec §2.9 (definition of done §9.10). */
class EventsTest extends TwinFixture {
  @Test
  void everyEventKindIsEmittedAtTheRightTime() {
    ProviderProfile profile = Twin.profile("openai");
    AtomicReference<Session> self = new AtomicReference<>();
    profile.toolRegistry().register(Tool.of(new ToolDefinition("steer_me", "steers", Schema.object().build()),
        (args, ctx) -> {
          self.get().steer("focus on tests");
          return "ok";
        }));
    twin.reply(Reply.text("Running it.").withToolCall("shell", "{\"command\":\"echo streamed\"}"))
        .calls("steer_me", "{}")
        .calls("glob", "{\"pattern\":\"*\"}")
        .calls("glob", "{\"pattern\":\"*\"}")
        .reply(Reply.fault(Fault.serverError()))
        .reply(Reply.fault(Fault.serverError()))
        .reply(Reply.fault(Fault.serverError()));
    Session session = twin.session(profile, SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES)
        .loopDetectionWindow(2).maxToolRoundsPerInput(0).build());
    self.set(session);

    session.submit("go");
    session.updateConfig(config -> config.toBuilder().maxToolRoundsPerInput(1).build());
    twin.calls("glob", "{\"pattern\":\"*\"}");
    session.submit("hit the round limit");
    session.close();

    Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
    twin.kinds().forEach(seen::add);
    assertThat(seen).containsAll(EnumSet.complementOf(EnumSet.of(EventKind.SUBAGENT_EVENT)));
    List<EventKind> kinds = twin.kinds();
    assertThat(kinds.getFirst()).isEqualTo(EventKind.SESSION_START);
    assertThat(kinds.getLast()).isEqualTo(EventKind.SESSION_END);
    assertThat(kinds).containsSubsequence(EventKind.USER_INPUT, EventKind.ASSISTANT_TEXT_END, EventKind.TOOL_CALL_START,
        EventKind.TOOL_CALL_OUTPUT_DELTA, EventKind.TOOL_CALL_END, EventKind.TOOL_CALL_START, EventKind.TOOL_CALL_END,
        EventKind.STEERING_INJECTED, EventKind.LOOP_DETECTION, EventKind.WARNING, EventKind.ERROR, EventKind.PROCESSING_END);
    assertThat(twin.events(AgentEvent.ToolCallOutputDelta.class)).extracting(AgentEvent.ToolCallOutputDelta::delta)
        .contains("streamed\n");
    assertThat(twin.events).allSatisfy(event -> assertThat(event.sessionId()).isEqualTo(session.id()));
  }

  @Test
  void toolCallEndCarriesTheFullOutputWhileTheModelGetsTheTruncatedOne() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("big.txt"), "z".repeat(70_000));
    twin.calls("shell", "{\"command\":\"cat big.txt\"}").text("ok");

    twin.session(Twin.profile("gemini")).submit("cat it");

    AgentEvent.ToolCallEnd end = twin.events(AgentEvent.ToolCallEnd.class).getFirst();
    assertThat(end.output()).startsWith("z".repeat(70_000));
    assertThat(twin.recorded().get(1).body()).contains("characters were removed from the middle")
        .doesNotContain("z".repeat(20_000));
  }

  @Test
  void eventsAreDeliveredAsABlockingStreamBracketedBySessionStartAndEnd() throws Exception {
    twin.calls("shell", "{\"command\":\"echo hi\"}").text("done");
    Session session = twin.session(Twin.profile("anthropic"));
    AgentEventStream stream = session.events();
    CompletableFuture<List<EventKind>> consumed = CompletableFuture.supplyAsync(() -> {
      List<EventKind> kinds = new ArrayList<>();
      for (AgentEvent event : stream) {
        kinds.add(event.kind());
      }
      return kinds;
    });

    session.submit("hello");
    session.close();

    List<EventKind> kinds = consumed.get(60, TimeUnit.SECONDS);
    assertThat(kinds.getFirst()).isEqualTo(EventKind.SESSION_START);
    assertThat(kinds.getLast()).isEqualTo(EventKind.SESSION_END);
    assertThat(kinds).isEqualTo(twin.kinds());
  }

  @Test
  void eventsHaveAJsonFormInTheSpecsShape() {
    twin.calls("read_file", "{\"path\":\"missing.txt\"}").text("done");
    twin.session(Twin.profile("openai")).submit("read");

    List<JsonNode> json = twin.events.stream().map(AgentEventJson::toJson).map(node -> (JsonNode) node).toList();

    assertThat(json).allSatisfy(node -> {
      assertThat(node.path("type").isString()).isTrue();
      assertThat(node.path("timestamp").isString()).isTrue();
      assertThat(node.path("session_id").isString()).isTrue();
      assertThat(node.path("data").isObject()).isTrue();
    });
    JsonNode toolEnd = json.stream().filter(node -> node.path("type").asString().equals("tool_call_end")).findFirst().orElseThrow();
    assertThat(toolEnd.path("data").path("error").asString()).startsWith("Tool error (read_file): File not found");
    JsonNode toolStart = json.stream().filter(node -> node.path("type").asString().equals("tool_call_start")).findFirst().orElseThrow();
    assertThat(toolStart.path("data").path("arguments").path("path").asString()).isEqualTo("missing.txt");
    assertThat(AgentEventJson.toLine(twin.events.getFirst())).startsWith("{\"type\":\"session_start\"").doesNotContain("\n");
  }

  @Test
  void aFailingListenerDoesNotStopTheAgent() {
    twin.text("fine");
    Session session = Session.builder(twin.client, Twin.profile("openai"),
            dev.darkfactory.agent.env.LocalExecutionEnvironment.create(dir))
        .listener(event -> {
          throw new IllegalStateException("listener bug");
        })
        .listener(twin.events::add)
        .build();

    assertThat(session.submit("hi").completed()).isTrue();
    assertThat(twin.kinds()).contains(EventKind.PROCESSING_END);
  }
}
