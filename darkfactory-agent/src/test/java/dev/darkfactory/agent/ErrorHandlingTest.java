package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.testing.Twin;
import dev.darkfactory.llm.AuthenticationException;
import dev.darkfactory.llm.ContextLengthException;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Error handling of coding-agent-loop-spec §9.11 and Appendix B. */
class ErrorHandlingTest extends TwinFixture {
  private Session session() {
    return twin.session(Twin.profile("anthropic"));
  }

  @Test
  void transientErrorsAreRetriedByTheClientLayer() {
    twin.reply(Reply.fault(Fault.rateLimited(Duration.ofMillis(10))))
        .reply(Reply.fault(Fault.serverError()))
        .text("Recovered.");

    SubmitResult result = session().submit("hello");

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.output()).isEqualTo("Recovered.");
    assertThat(twin.recorded()).hasSize(3);
    assertThat(twin.events(AgentEvent.Warning.class)).hasSize(2)
        .allSatisfy(warning -> assertThat(warning.message()).startsWith("LLM call failed (").contains("; retry "));
  }

  @Test
  void authenticationErrorsCloseTheSessionAtOnceWithoutRetry() {
    twin.reply(Reply.fault(Fault.unauthorized()));
    Session session = session();

    SubmitResult result = session.submit("hello");

    assertThat(twin.recorded()).as("no retry").hasSize(1);
    assertThat(result.stopReason()).isEqualTo(StopReason.FAILED);
    assertThat(result.state()).isEqualTo(SessionState.CLOSED);
    assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    assertThat(result.error()).get().satisfies(error -> {
      assertThat(error).isInstanceOf(SessionFailedException.class).hasCauseInstanceOf(AuthenticationException.class);
      assertThat(error.getMessage()).startsWith("LLM call failed (authentication): ").contains("API key");
    });
    assertThat(twin.events(AgentEvent.Error.class)).singleElement()
        .satisfies(error -> assertThat(error.errorKind()).contains("authentication"));
    assertThat(twin.kinds()).endsWith(EventKind.ERROR, EventKind.PROCESSING_END, EventKind.SESSION_END);
    assertThat(twin.events(AgentEvent.SessionEnd.class)).singleElement()
        .satisfies(end -> assertThat(end.error()).get().asString().contains("authentication"));
  }

  @Test
  void contextOverflowIsAWarningAndTheSessionContinues() {
    twin.reply(Reply.fault(Fault.contextLength())).text("Shorter now.");
    Session session = session();

    SubmitResult overflow = session.submit("a very long conversation");
    SubmitResult next = session.submit("shorter");

    assertThat(overflow.stopReason()).isEqualTo(StopReason.CONTEXT_LENGTH);
    assertThat(overflow.error()).get().satisfies(error -> assertThat(error).hasCauseInstanceOf(ContextLengthException.class));
    assertThat(overflow.state()).isEqualTo(SessionState.IDLE);
    assertThat(twin.events(AgentEvent.Warning.class)).singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("context_length"));
    assertThat(twin.events(AgentEvent.Error.class)).isEmpty();
    assertThat(next.completed()).isTrue();
  }

  @Test
  void transientErrorsThatOutliveTheirRetriesFailTheInputButNotTheSession() {
    for (int i = 0; i < 3; i++) {
      twin.reply(Reply.fault(Fault.serverError()));
    }
    twin.text("Back again.");
    Session session = session();

    SubmitResult failed = session.submit("hello");

    assertThat(failed.stopReason()).isEqualTo(StopReason.FAILED);
    assertThat(failed.state()).isEqualTo(SessionState.IDLE);
    assertThat(twin.recorded()).hasSize(3);
    assertThat(twin.events(AgentEvent.Error.class)).singleElement()
        .satisfies(error -> assertThat(error.errorKind()).contains("server"));
    assertThat(session.submit("again").output()).isEqualTo("Back again.");
  }

  @Test
  void aDeadEndpointFailsFast() {
    twin.close();
    Session session = Session.builder(twin.client, Twin.profile("openai"), dev.darkfactory.agent.env.LocalExecutionEnvironment.create(dir))
        .config(SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES).build()).build();
    long started = System.nanoTime();

    SubmitResult result = session.submit("hello");

    assertThat(result.stopReason()).isEqualTo(StopReason.FAILED);
    assertThat(result.error()).get().satisfies(error -> assertThat(error.getMessage()).contains("network"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anAnswerCutOffByMaxTokensIsNotACompletion() {
    twin.reply(Reply.text("Here is the first half of").withFinish("length"));

    SubmitResult result = session().submit("explain");

    assertThat(result.stopReason()).isEqualTo(StopReason.OUTPUT_TRUNCATED);
    assertThat(result.completed()).isFalse();
    assertThat(twin.events(AgentEvent.Warning.class)).singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("cut off at the output token limit"));
  }

  @Test
  void aToolCallCutOffByMaxTokensGoesBackToTheModelAsInvalid() {
    twin.reply(Reply.toolCall("write_file", "{\"file_path\":\"big.txt\",\"content\":\"aaaa").withFinish("length"))
        .text("I will write it in smaller pieces.");

    SubmitResult result = session().submit("write a big file");

    assertThat(result.completed()).isTrue();
    assertThat(dir.resolve("big.txt")).doesNotExist();
    assertThat(twin.events(AgentEvent.ToolCallEnd.class)).singleElement().satisfies(end -> {
      assertThat(end.isError()).isTrue();
      assertThat(end.output()).startsWith("Invalid arguments for tool: write_file").contains("smaller pieces");
    });
    assertThat(twin.events(AgentEvent.Warning.class)).isNotEmpty();
  }

  @Test
  void gracefulShutdownRunsInTheSpecsOrder() {
    twin.calls("spawn_agent", "{\"task\":\"idle child\"}").text("spawned");
    twin.text("child answer");
    Session session = session();
    session.submit("spawn");

    session.close();

    assertThat(twin.kinds()).endsWith(EventKind.SUBAGENT_EVENT, EventKind.SESSION_END);
    var childEnd = twin.events(AgentEvent.SubagentEvent.class).stream()
        .filter(event -> event.event().kind() == EventKind.SESSION_END).findFirst();
    assertThat(childEnd).as("subagents are closed before SESSION_END").isPresent();
    assertThat(session.state()).isEqualTo(SessionState.CLOSED);
  }
}
