package dev.darkfactory.twin.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.fixture.Http;
import dev.darkfactory.twin.fixture.NotesTwin;
import dev.darkfactory.twin.fixture.Receiver;
import dev.darkfactory.twin.journal.JournalEntry;
import dev.darkfactory.twin.runtime.TwinOptions;
import dev.darkfactory.twin.runtime.TwinServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks from a twin to a receiver on loopback: signing, retries on the twin's clock, faults, the delivery log. */
class WebhookDeliveryTest {

  private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");

  private final Receiver receiver = new Receiver();
  private TwinServer twin;
  private Http http;

  @BeforeEach
  void start() {
    twin = TwinServer.start(new NotesTwin(), TwinOptions.newBuilder().clock(START).build());
    http = new Http(twin.baseUrl());
    http.post("/webhook", "alice", "{\"url\": \"" + receiver.url() + "\"}");
  }

  @AfterEach
  void stop() {
    twin.close();
    receiver.close();
  }

  @Test
  void anEventIsDeliveredSignedByTheTwinsSignerAndLogged() {
    http.post("/notes", "alice", "{\"text\":\"hi\"}");

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 1);
    Receiver.Delivery delivery = receiver.deliveries().get(0);
    assertThat(delivery.body()).contains("\"type\":\"note.created\"");
    assertThat(delivery.header("X-Notes-Signature")).startsWith("s3cret:").endsWith(":" + delivery.body().length());
    assertThat(delivery.header("User-Agent")).isEqualTo("Notes/1.0");
    await().atMost(Duration.ofSeconds(10)).until(() -> !twin.journal().webhookAttempts().isEmpty());
    JournalEntry.WebhookAttempt attempt = twin.journal().webhookAttempts().get(0);
    assertThat(attempt.outcome()).isEqualTo(JournalEntry.Outcome.DELIVERED);
    assertThat(attempt.status()).isEqualTo(200);
    assertThat(attempt.eventType()).isEqualTo("note.created");
    assertThat(attempt.attempt()).isEqualTo(1);
  }

  @Test
  void aFailedDeliveryIsRetriedWhenTheTwinsClockReachesTheBackoff() {
    receiver.answer(500);
    http.post("/notes", "alice", "{}");
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.journal().webhookAttempts().size() == 1);
    JournalEntry.WebhookAttempt failed = twin.journal().webhookAttempts().get(0);
    assertThat(failed.outcome()).isEqualTo(JournalEntry.Outcome.FAILED);
    assertThat(failed.nextAttempt()).contains(START.plus(Duration.ofMinutes(1)));

    twin.control().advanceClock(Duration.ofSeconds(59));
    assertThat(twin.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
    assertThat(receiver.deliveries()).hasSize(1);
    twin.control().advanceClock(Duration.ofSeconds(1));

    await().atMost(Duration.ofSeconds(10)).until(() -> twin.journal().webhookAttempts().size() == 2);
    JournalEntry.WebhookAttempt retried = twin.journal().webhookAttempts().get(1);
    assertThat(retried.outcome()).isEqualTo(JournalEntry.Outcome.DELIVERED);
    assertThat(retried.attempt()).isEqualTo(2);
    assertThat(receiver.deliveries().get(1).body()).isEqualTo(receiver.deliveries().get(0).body());
  }

  @Test
  void theTwinGivesUpAfterItsLastAttempt() {
    receiver.answer(500, 502, 503);
    http.post("/notes", "alice", "{}");
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.journal().webhookAttempts().size() == 1);
    twin.control().advanceClock(Duration.ofMinutes(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.journal().webhookAttempts().size() == 2);
    twin.control().advanceClock(Duration.ofMinutes(2));
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.journal().webhookAttempts().size() == 3);

    List<JournalEntry.Outcome> outcomes = twin.journal().webhookAttempts().stream().map(JournalEntry.WebhookAttempt::outcome).toList();
    assertThat(outcomes).containsExactly(JournalEntry.Outcome.FAILED, JournalEntry.Outcome.FAILED, JournalEntry.Outcome.ABANDONED);
    assertThat(twin.journal().webhookAttempts().get(2).nextAttempt()).isEmpty();
  }

  @Test
  void aDropRuleMeansTheEventNeverArrives() {
    twin.faults().add(FaultRule.newBuilder().id("lose-first").webhook("note.*").nth(1).fault(Fault.drop()).build());
    String dropped = http.post("/notes", "alice", "{\"text\":\"first\"}").json().path("id").asString();
    http.post("/notes", "alice", "{\"text\":\"second\"}");

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 1);
    assertThat(receiver.deliveries().get(0).body()).contains("second").doesNotContain(dropped);
    JournalEntry.WebhookAttempt entry = twin.journal().webhookAttempts().get(0);
    assertThat(entry.outcome()).isEqualTo(JournalEntry.Outcome.DROPPED);
    assertThat(entry.detail()).contains("lose-first");
  }

  @Test
  void aDuplicateRuleSendsTheSameEventAgain() {
    twin.faults().add(FaultRule.newBuilder().webhook("note.created").fault(Fault.duplicate(2)).build());
    http.post("/notes", "alice", "{}");

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 3);
    assertThat(receiver.deliveries()).extracting(Receiver.Delivery::body).containsOnly(receiver.deliveries().get(0).body());
  }

  @Test
  void receiversOffLoopbackAreRefusedWhenRegistered() {
    Http.Answer answer = http.post("/webhook", "bob", "{\"url\": \"http://hooks.example.com/stripe\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("loopback addresses only");
  }

  @Test
  void anUnreachableReceiverIsAFailedAttemptWithTheReason() {
    receiver.close();
    http.post("/notes", "alice", "{}");

    await().atMost(Duration.ofSeconds(20)).until(() -> twin.journal().webhookAttempts().size() == 1);
    JournalEntry.WebhookAttempt attempt = twin.journal().webhookAttempts().get(0);
    assertThat(attempt.outcome()).isEqualTo(JournalEntry.Outcome.FAILED);
    assertThat(attempt.status()).isZero();
    assertThat(attempt.detail()).startsWith("could not deliver");
  }
}
