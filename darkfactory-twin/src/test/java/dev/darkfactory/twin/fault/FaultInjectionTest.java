package dev.darkfactory.twin.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.twin.fixture.Http;
import dev.darkfactory.twin.fixture.NotesTwin;
import dev.darkfactory.twin.journal.JournalEntry;
import dev.darkfactory.twin.runtime.TwinOptions;
import dev.darkfactory.twin.runtime.TwinServer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** Each fault, through a real twin and a real client, as the system under test would meet it. */
class FaultInjectionTest {

  private TwinServer twin;
  private Http http;

  @BeforeEach
  void start() {
    twin = TwinServer.start(new NotesTwin());
    http = new Http(twin.baseUrl());
  }

  @AfterEach
  void stop() {
    twin.close();
  }

  private void rule(FaultRule.Builder rule) {
    twin.faults().add(rule.build());
  }

  @Test
  void aStatusFaultAnswersWithTheTwinsOwnErrorBodyAndRetryAfter() {
    rule(FaultRule.newBuilder().route("POST /notes").fault(Fault.rateLimited(Duration.ofMillis(1500))));

    Http.Answer answer = http.post("/notes", "alice", "{}");

    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.header("Retry-After")).isEqualTo("2");
    assertThat(answer.json().path("error").path("code").asString()).isEqualTo("http_429");
    assertThat(twin.journal().exchanges().getLast().fault()).isPresent();
    assertThat(http.get("/notes", "alice").json().path("data")).isEmpty();
  }

  @Test
  void theNthTriggerFiresOnThatCallOnly() {
    rule(FaultRule.newBuilder().route("POST /notes").nth(2).fault(Fault.status(500)));

    List<Integer> statuses = statuses(4);

    assertThat(statuses).containsExactly(201, 500, 201, 201);
  }

  @Test
  void aLimitStopsARuleAfterThatManyFirings() {
    rule(FaultRule.newBuilder().route("POST /notes").limit(2).fault(Fault.status(503)));

    assertThat(statuses(4)).containsExactly(503, 503, 201, 201);
  }

  @Test
  void aProbabilityDrawsFromTheSeedSoTwoRunsFireAlike() {
    List<Integer> first = statusesWithSeed(11);
    List<Integer> second = statusesWithSeed(11);

    assertThat(second).isEqualTo(first);
    assertThat(first).contains(201, 500);
  }

  private List<Integer> statusesWithSeed(long seed) {
    try (TwinServer seeded = TwinServer.start(new NotesTwin(), TwinOptions.newBuilder().idSeed(seed).build())) {
      seeded.faults().add(FaultRule.newBuilder().id("flaky").route("POST /notes").probability(0.5).fault(Fault.status(500)).build());
      Http client = new Http(seeded.baseUrl());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        statuses.add(client.post("/notes", "alice", "{}").status());
      }
      return statuses;
    }
  }

  @Test
  void aRuleForOneNamespaceLeavesTheOthersAlone() {
    rule(FaultRule.newBuilder().route("POST /notes").namespace("alice").fault(Fault.status(500)));

    assertThat(http.post("/notes", "alice", "{}").status()).isEqualTo(500);
    assertThat(http.post("/notes", "bob", "{}").status()).isEqualTo(201);
  }

  @Test
  void aPathGlobMatchesOneSegmentPerStar() {
    rule(FaultRule.newBuilder().route("GET /notes/*").fault(Fault.status(503)));

    assertThat(http.get("/notes/note_x", "alice").status()).isEqualTo(503);
    assertThat(http.get("/notes", "alice").status()).isEqualTo(200);
  }

  @Test
  void addedLatencyDelaysTheAnswer() {
    rule(FaultRule.newBuilder().route("GET /notes").fault(Fault.latency(Duration.ofMillis(300))));

    long started = System.nanoTime();
    Http.Answer answer = http.get("/notes", "alice");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(twin.journal().exchanges().getLast().latencyMicros()).isGreaterThanOrEqualTo(300_000);
  }

  @Test
  void aResetIsAConnectionResetNotACleanClose() throws IOException {
    rule(FaultRule.newBuilder().route("GET /notes").fault(Fault.reset()));
    HttpURLConnection connection = (HttpURLConnection) twin.baseUrl().resolve("/notes").toURL().openConnection();
    connection.setRequestProperty("Authorization", "Bearer alice");

    assertThatThrownBy(connection::getResponseCode).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    assertThat(twin.journal().exchanges().getLast().status()).isZero();
  }

  @Test
  void aTruncatedBodyEndsBeforeItsContentLength() {
    rule(FaultRule.newBuilder().route("POST /notes").fault(new Fault.Truncate(java.util.OptionalInt.of(5))));

    assertThatThrownBy(() -> http.post("/notes", "alice", "{\"text\":\"long enough\"}"))
        .hasRootCauseInstanceOf(IOException.class).hasMessageContaining("bytes received: 5");
    assertThat(http.get("/notes", "alice").json().path("data")).hasSize(1); // the note was created: the answer was lost
    assertThat(twin.journal().exchanges().get(twin.journal().exchanges().size() - 2).responseBody()).hasSize(5);
  }

  @Test
  void aMalformedBodyIsCompleteHttpButNotJson() {
    rule(FaultRule.newBuilder().route("POST /notes").fault(Fault.malformed()));

    Http.Answer answer = http.post("/notes", "alice", "{\"text\":\"x\"}");

    assertThat(answer.status()).isEqualTo(201);
    assertThatThrownBy(answer::json).isInstanceOf(JacksonException.class);
  }

  @Test
  void aHangHoldsTheRequestUntilTheClientGivesUp() {
    rule(FaultRule.newBuilder().route("GET /notes").fault(new Fault.Hang(Optional.of(Duration.ofSeconds(5)))));
    HttpRequest request = HttpRequest.newBuilder(twin.baseUrl().resolve("/notes")).header("Authorization", "Bearer alice")
        .timeout(Duration.ofMillis(300)).GET().build();

    assertThatThrownBy(() -> http.client().send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void closingTheTwinReleasesHungRequests() throws Exception {
    rule(FaultRule.newBuilder().route("GET /notes").fault(Fault.hang()));
    HttpRequest request = HttpRequest.newBuilder(twin.baseUrl().resolve("/notes")).header("Authorization", "Bearer alice")
        .timeout(Duration.ofSeconds(60)).GET().build();
    var pending = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> twin.faults().status("rule-1")
        .map(RuleStatus::fired).orElse(0L) == 1);

    long started = System.nanoTime();
    twin.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThatThrownBy(pending::join).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aFaultAfterTheHandlerKeepsTheStateChangeButLosesTheAnswer() {
    rule(FaultRule.newBuilder().route("POST /notes").phase(Phase.AFTER).fault(Fault.status(500)));

    assertThat(http.post("/notes", "alice", "{\"text\":\"committed\"}").status()).isEqualTo(500);

    twin.faults().clear();
    assertThat(http.get("/notes", "alice").json().path("data").get(0).path("text").asString()).isEqualTo("committed");
    JournalEntry.Exchange faulted = twin.journal().exchanges().get(0);
    assertThat(faulted.route()).isEqualTo("POST /notes");
  }

  @Test
  void latencyRulesAddUpAndTheFirstOtherFiringRuleDecides() {
    rule(FaultRule.newBuilder().id("a").route("POST /notes").fault(Fault.latency(Duration.ofMillis(1))));
    rule(FaultRule.newBuilder().id("b").route("POST /notes").fault(Fault.status(503)));
    rule(FaultRule.newBuilder().id("c").route("POST /notes").fault(Fault.status(500)));

    assertThat(http.post("/notes", "alice", "{}").status()).isEqualTo(503);
    assertThat(twin.journal().exchanges().getLast().fault()).contains("a,b");
  }

  private List<Integer> statuses(int calls) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      statuses.add(http.post("/notes", "alice", "{}").status());
    }
    return statuses;
  }
}
