package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.testing.Processes;
import dev.darkfactory.agent.testing.Twin;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.llm.ToolDefinition;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The core loop of coding-agent-loop-spec §2.5 and its definition of done, §9.1. */
class AgentLoopTest extends TwinFixture {
  private ProviderProfile openai() {
    return Twin.profile("openai");
  }

  private SessionConfig.Builder config() {
    return SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES);
  }

  @Test
  void sessionIsCreatedWithAProfileAndAnEnvironment() {
    Session session = twin.session(openai());

    assertThat(session.state()).isEqualTo(SessionState.IDLE);
    assertThat(session.profile().id()).isEqualTo("openai");
    assertThat(session.environment().workingDirectory()).isEqualTo(dir.toAbsolutePath().toString());
    assertThat(twin.kinds()).containsExactly(EventKind.SESSION_START);
  }

  @Test
  void naturalCompletionEndsTheLoopWhenTheModelAnswersWithTextOnly() {
    twin.calls("shell", "{\"command\":\"echo hi\"}").text("All done.");
    Session session = twin.session(openai());

    SubmitResult result = session.submit("Say hi");

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.output()).isEqualTo("All done.");
    assertThat(result.turns()).isEqualTo(2);
    assertThat(result.toolRounds()).isEqualTo(1);
    assertThat(result.usage().totalTokens()).isPositive();
    assertThat(session.state()).isEqualTo(SessionState.IDLE);
    assertThat(twin.recorded()).hasSize(2);
    assertThat(session.history()).hasExactlyElementsOfTypes(
        Turn.UserTurn.class, Turn.AssistantTurn.class, Turn.ToolResultsTurn.class, Turn.AssistantTurn.class);
  }

  @Test
  void roundLimitStopsTheLoopPerInput() {
    for (int i = 0; i < 5; i++) {
      twin.calls("shell", "{\"command\":\"echo " + i + "\"}");
    }
    Session session = twin.session(openai(), config().maxToolRoundsPerInput(2).build());

    SubmitResult result = session.submit("Loop forever");

    assertThat(result.stopReason()).isEqualTo(StopReason.ROUND_LIMIT);
    assertThat(result.toolRounds()).isEqualTo(2);
    assertThat(twin.recorded()).hasSize(2);
    assertThat(twin.events(AgentEvent.TurnLimit.class)).singleElement()
        .satisfies(limit -> {
          assertThat(limit.limit()).isEqualTo(AgentEvent.TurnLimit.Limit.ROUNDS);
          assertThat(limit.count()).isEqualTo(2);
        });
    assertThat(session.state()).isEqualTo(SessionState.IDLE);
  }

  @Test
  void turnLimitCountsAcrossInputs() {
    twin.calls("shell", "{\"command\":\"true\"}").text("first done")
        .calls("shell", "{\"command\":\"true\"}").text("never reached");
    Session session = twin.session(openai(), config().maxTurns(3).build());

    assertThat(session.submit("one").stopReason()).isEqualTo(StopReason.COMPLETED);
    SubmitResult second = session.submit("two");

    assertThat(second.stopReason()).isEqualTo(StopReason.TURN_LIMIT);
    assertThat(twin.recorded()).hasSize(3);
    assertThat(twin.events(AgentEvent.TurnLimit.class)).singleElement()
        .satisfies(limit -> assertThat(limit.limit()).isEqualTo(AgentEvent.TurnLimit.Limit.TURNS));
  }

  @Test
  void abortStopsTheLoopKillsTheRunningCommandAndCloses() throws Exception {
    twin.calls("shell", "{\"command\":\"sleep 300 & echo $! > sleeper.pid; wait\",\"timeout_ms\":600000}");
    Session session = twin.session(openai());
    CompletableFuture<SubmitResult> running = session.submitAsync("Sleep");
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dir.resolve("sleeper.pid"))
        && Files.readString(dir.resolve("sleeper.pid")).endsWith("\n"));
    long pid = Long.parseLong(Files.readString(dir.resolve("sleeper.pid")).strip());
    long started = System.nanoTime();

    session.abort();
    SubmitResult result = running.get(60, TimeUnit.SECONDS);

    assertThat(result.stopReason()).isEqualTo(StopReason.ABORTED);
    assertThat(result.state()).isEqualTo(SessionState.CLOSED);
    assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    // A tenth of the command's own length: the abort ended it rather than waited for it.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(30)).until(() -> !Processes.isRunning(pid));
    assertThat(twin.kinds()).endsWith(EventKind.TOOL_CALL_END, EventKind.PROCESSING_END, EventKind.SESSION_END);
    assertThatThrownBy(() -> session.submit("more")).isInstanceOf(SessionStateException.class);
  }

  @Test
  void abortWhileIdleClosesAtOnce() {
    Session session = twin.session(openai());

    session.abort();

    assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    assertThat(twin.events(AgentEvent.SessionEnd.class)).singleElement()
        .satisfies(end -> assertThat(end.error()).contains("aborted"));
  }

  @Test
  void loopDetectionInjectsAWarningSteeringTurn() {
    for (int i = 0; i < 4; i++) {
      twin.calls("glob", "{\"pattern\":\"*.txt\"}");
    }
    twin.text("Trying something else.");
    Session session = twin.session(openai(), config().loopDetectionWindow(4).build());

    session.submit("Find text files");

    String warning = "Loop detected: the last 4 tool calls follow a repeating pattern. Try a different approach.";
    assertThat(twin.events(AgentEvent.LoopDetection.class)).singleElement()
        .satisfies(event -> assertThat(event.message()).isEqualTo(warning));
    assertThat(session.history()).filteredOn(Turn.SteeringTurn.class::isInstance).singleElement()
        .satisfies(turn -> assertThat(((Turn.SteeringTurn) turn).content()).isEqualTo(warning));
    assertThat(twin.recorded().get(4).body()).contains(warning);
  }

  @Test
  void loopDetectionCanBeTurnedOff() {
    for (int i = 0; i < 4; i++) {
      twin.calls("glob", "{\"pattern\":\"*.txt\"}");
    }
    twin.text("done");
    Session session = twin.session(openai(), config().loopDetectionWindow(4).enableLoopDetection(false).build());

    session.submit("Find text files");

    assertThat(twin.events(AgentEvent.LoopDetection.class)).isEmpty();
  }

  @Test
  void sequentialInputsShareTheConversation() {
    twin.text("First answer.").text("Second answer.");
    Session session = twin.session(openai());

    session.submit("first question");
    SubmitResult second = session.submit("second question");

    assertThat(second.output()).isEqualTo("Second answer.");
    assertThat(twin.recorded().get(1).body()).contains("first question", "First answer.", "second question");
    assertThat(twin.events(AgentEvent.ProcessingEnd.class)).hasSize(2);
  }

  @Test
  void aQuestionLeavesTheSessionAwaitingInput() {
    twin.text("Which database should I use?").text("Using Postgres.");
    Session session = twin.session(openai());

    assertThat(session.submit("Set up storage").state()).isEqualTo(SessionState.AWAITING_INPUT);
    assertThat(session.state()).isEqualTo(SessionState.AWAITING_INPUT);
    assertThat(session.submit("Postgres").state()).isEqualTo(SessionState.IDLE);
  }

  @Test
  void followUpsRunAfterTheCurrentInputCompletes() {
    AtomicReference<Session> self = new AtomicReference<>();
    Session session = customToolSession("queue_follow_up", (args, ctx) -> {
      self.get().followUp("Now write the tests");
      return "queued";
    });
    self.set(session);
    twin.calls("queue_follow_up", "{}").text("Feature done.").text("Tests done.");

    SubmitResult result = session.submit("Write the feature");

    assertThat(result.output()).isEqualTo("Tests done.");
    assertThat(twin.events(AgentEvent.UserInput.class)).extracting(AgentEvent.UserInput::content)
        .containsExactly("Write the feature", "Now write the tests");
    assertThat(twin.events(AgentEvent.ProcessingEnd.class)).hasSize(1);
  }

  @Test
  void submittingWhileBusyOrClosedIsRefused() {
    AtomicReference<Session> self = new AtomicReference<>();
    AtomicReference<String> refusal = new AtomicReference<>();
    Session session = customToolSession("nested_submit", (args, ctx) -> {
      try {
        self.get().submit("again");
      } catch (SessionStateException e) {
        refusal.set(e.getMessage());
      }
      return "tried";
    });
    self.set(session);
    twin.calls("nested_submit", "{}").text("ok");

    session.submit("go");
    session.close();

    assertThat(refusal.get()).contains("already processing");
    assertThatThrownBy(() -> session.submit("after close")).isInstanceOf(SessionStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> session.steer("late")).isInstanceOf(SessionStateException.class);
    assertThat(twin.events(AgentEvent.SessionEnd.class)).singleElement()
        .satisfies(end -> assertThat(end.error()).isEmpty());
  }

  Session customToolSession(String name, dev.darkfactory.agent.tool.ToolExecutor executor) {
    ProviderProfile profile = openai();
    profile.toolRegistry().register(Tool.of(new ToolDefinition(name, "test tool", Schema.object().build()), executor));
    return twin.session(profile);
  }
}
