package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.agent.testing.Twin;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code abort()} while the LLM call is in flight (coding-agent-loop-spec §2.8 item 4, Appendix B):
 * the call is cancelled rather than waited out, the session ends at once and no further request is
 * sent. The twin either holds its answer back before the response headers or stalls the stream
 * part-way through the text, each for far longer than the test allows.
 */
class AbortModelCallTest extends TwinFixture {
  /** A third of the twin's 60 s hold-back: decisive, with room for a loaded machine. */
  private static final Duration PROMPTLY = Duration.ofSeconds(20);

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void abortWhileTheModelIsSilentCancelsTheCall(String provider) throws Exception {
    twin.reply(Reply.text("never sent").withFault(Fault.delay(Duration.ofSeconds(60))))
        .text("a second answer must never be asked for");
    Session session = twin.session(Twin.profile(provider));
    CompletableFuture<SubmitResult> running = session.submitAsync("Think hard");
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.recorded().size() == 1);

    assertAbortEndsTheSessionPromptly(session, running);
    assertThat(twin.kinds()).doesNotContain(EventKind.ASSISTANT_TEXT_START);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void abortWhileTheAnswerIsStreamingCancelsTheCall(String provider) throws Exception {
    String answer = "a long answer whose stream stalls part of the way through";
    twin.reply(Reply.text(answer).withChunkSize(3).withFault(new Fault.StallStream(8)))
        .text("a second answer must never be asked for");
    Session session = twin.session(Twin.profile(provider));
    CompletableFuture<SubmitResult> running = session.submitAsync("Explain");
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.kinds().contains(EventKind.ASSISTANT_TEXT_DELTA));

    assertAbortEndsTheSessionPromptly(session, running);
    assertThat(twin.events(AgentEvent.AssistantTextDelta.class).stream().map(AgentEvent.AssistantTextDelta::delta)
            .reduce("", String::concat))
        .as("only part of the answer arrived before the abort")
        .isNotEmpty()
        .isNotEqualTo(answer);
  }

  private void assertAbortEndsTheSessionPromptly(Session session, CompletableFuture<SubmitResult> running)
      throws Exception {
    assertThat(running).as("the call is still in flight").isNotDone();
    long started = System.nanoTime();

    session.abort();
    SubmitResult result = running.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
    assertThat(result.stopReason()).isEqualTo(StopReason.ABORTED);
    assertThat(result.state()).isEqualTo(SessionState.CLOSED);
    assertThat(result.turns()).as("the cancelled call produced no turn").isZero();
    assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    assertThat(twin.kinds())
        .doesNotContain(EventKind.ERROR, EventKind.WARNING, EventKind.ASSISTANT_TEXT_END, EventKind.TOOL_CALL_START)
        .endsWith(EventKind.PROCESSING_END, EventKind.SESSION_END);
    assertThat(twin.events(AgentEvent.ProcessingEnd.class)).singleElement()
        .satisfies(end -> assertThat(end.stopReason()).isEqualTo(StopReason.ABORTED));
    assertThat(twin.events(AgentEvent.SessionEnd.class)).singleElement()
        .satisfies(end -> {
          assertThat(end.finalState()).isEqualTo(SessionState.CLOSED);
          assertThat(end.error()).contains("aborted");
        });
    assertThat(session.history()).noneMatch(Turn.AssistantTurn.class::isInstance);
    assertThatThrownBy(() -> session.submit("more")).isInstanceOf(SessionStateException.class);
    // No retry and no next turn: anything the session sent before it ended reached the twin before a probe
    // sent afterwards on a new connection has been recorded, and the twin still saw only the one request.
    probe();
    assertThat(twin.recorded()).hasSize(1);
  }

  /** Sends {@code GET /health} to the twin and waits until it is recorded. */
  private void probe() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(twin.server.baseUrl() + "/health")).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(health.statusCode()).isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> twin.server.requests().stream().anyMatch(r -> r.path().equals("/health")));
  }
}
