package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.Gson;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.util.json.GsonFactory;
import dev.darkfactory.twin.DocumentException;
import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Events API: the Request URL's url_verification handshake, event_callback envelopes signed as Slack signs them
 * (checked by the app's own hand-written verifier), parsed with slack-api-client's event models, Slack's retries and
 * the delivery log.
 */
class EventsSdkTest extends SlackSdkTest {

  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Gson SDK_JSON = GsonFactory.createSnakeCase();

  private final SlackApp app = new SlackApp(SECRET);

  @AfterEach
  void stopApp() {
    app.close();
  }

  private void subscribe(String extra) {
    seed("{\"users\": [{\"id\": \"U0ADA\", \"name\": \"ada\"}], \"tokens\": [{\"token\": \"xoxp-1000-4000-ada\", \"user\": \"U0ADA\"}],"
        + " \"app\": {\"request_url\": \"" + app.url() + "\", \"signing_secret\": \"" + SECRET + "\"" + extra + "}}");
  }

  private String general() throws Exception {
    return channel("general").getId();
  }

  private static <T> T event(SlackApp.Request request, Class<T> type) {
    return SDK_JSON.fromJson(request.json().path("event").toString(), type);
  }

  @Test
  void settingTheRequestUrlPerformsSlacksChallengeHandshake() {
    subscribe("");

    SlackApp.Request handshake = app.requests().get(0);
    assertThat(handshake.type()).isEqualTo("url_verification");
    assertThat(handshake.json().path("challenge").asString()).hasSize(48);
    assertThat(handshake.json().path("token").asString()).isNotEmpty();
    assertThat(handshake.signatureValid()).isTrue();
    JsonNode saved = twin.control().snapshot(Namespace.ofCredential(TOKEN)).path("app");
    assertThat(saved.path("url_verified").asBoolean()).isTrue();
    assertThat(saved.path("request_url").asString()).isEqualTo(app.url().toString());
  }

  @Test
  void aChallengeAnsweredAsJsonIsAcceptedToo() {
    app.challenge(SlackApp.Challenge.JSON);

    subscribe("");

    assertThat(twin.control().snapshot(Namespace.ofCredential(TOKEN)).path("app").path("url_verified").asBoolean()).isTrue();
  }

  @Test
  void aUrlThatFailsTheChallengeRefusesTheSeedAtTheLineThatSetsIt(@TempDir Path dir) throws Exception {
    app.challenge(SlackApp.Challenge.WRONG);
    Path seed = dir.resolve("slack.yaml");
    Files.writeString(seed, "namespaces:\n  " + TOKEN + ":\n    app:\n      request_url: " + app.url()
        + "\n      signing_secret: " + SECRET + "\n");

    assertThatThrownBy(() -> twin.control().seed(seed)).isInstanceOf(DocumentException.class)
        .hasMessageContaining("slack.yaml:4:")
        .hasMessageContaining("Your URL didn't respond with the value of the challenge parameter");
  }

  @Test
  void aBotsMessageIsDeliveredSignedAsAnEventCallbackTheSdkReads() throws Exception {
    subscribe("");
    String general = general();

    String ts = bot.chatPostMessage(r -> r.channel(general).text("deployed")).getTs();

    await().atMost(Duration.ofSeconds(10)).until(() -> app.events("message").size() == 1);
    SlackApp.Request delivery = app.events("message").get(0);
    assertThat(delivery.signatureValid()).isTrue();
    assertThat(delivery.header("Content-Type")).startsWith("application/json");
    assertThat(delivery.header("User-Agent")).startsWith("Slackbot 1.0");
    assertThat(delivery.header("X-Slack-Retry-Num")).isEmpty();
    JsonNode envelope = delivery.json();
    assertThat(envelope.path("event_id").asString()).startsWith("Ev");
    assertThat(envelope.path("team_id").asString()).isEqualTo(bot.authTest(r -> r).getTeamId());
    assertThat(envelope.path("api_app_id").asString()).startsWith("A");
    assertThat(envelope.path("event_time").asLong()).isEqualTo(START.getEpochSecond());
    assertThat(envelope.path("authorizations").get(0).path("is_bot").asBoolean()).isTrue();
    MessageEvent message = event(delivery, MessageEvent.class);
    assertThat(message.getText()).isEqualTo("deployed");
    assertThat(message.getTs()).isEqualTo(ts);
    assertThat(message.getChannel()).isEqualTo(general);
    assertThat(message.getChannelType()).isEqualTo("channel");
    assertThat(message.getBotId()).isEqualTo(bot.authTest(r -> r).getBotId());
  }

  @Test
  void aUserMentioningTheBotIsAnAppMentionAndAMessage() throws Exception {
    subscribe("");
    String general = general();
    String botUser = bot.authTest(r -> r).getUserId();
    slack.methods("xoxp-1000-4000-ada").conversationsJoin(r -> r.channel(general));

    slack.methods("xoxp-1000-4000-ada").chatPostMessage(r -> r.channel(general).text("<@" + botUser + "> deploy please"));

    await().atMost(Duration.ofSeconds(10)).until(() -> app.events("app_mention").size() == 1);
    AppMentionEvent mention = event(app.events("app_mention").get(0), AppMentionEvent.class);
    assertThat(mention.getUser()).isEqualTo("U0ADA");
    assertThat(mention.getText()).isEqualTo("<@" + botUser + "> deploy please");
    assertThat(mention.getChannel()).isEqualTo(general);
    await().atMost(Duration.ofSeconds(10)).until(() -> app.events("message").stream()
        .anyMatch(request -> event(request, MessageEvent.class).getUser().equals("U0ADA")));
  }

  @Test
  void joinsInvitesEditsAndReactionsAreEventsToo() throws Exception {
    subscribe("");
    String lab = bot.conversationsCreate(r -> r.name("lab")).getChannel().getId();

    bot.conversationsInvite(r -> r.channel(lab).users(List.of("U0ADA")));
    String ts = bot.chatPostMessage(r -> r.channel(lab).text("v1")).getTs();
    bot.chatUpdate(r -> r.channel(lab).ts(ts).text("v2"));
    slack.methods("xoxp-1000-4000-ada").reactionsAdd(r -> r.channel(lab).timestamp(ts).name("tada"));

    await().atMost(Duration.ofSeconds(10)).until(() -> app.events("reaction_added").size() == 1
        && app.events("member_joined_channel").size() == 1 && app.events("channel_created").size() == 1);
    MemberJoinedChannelEvent joined = event(app.events("member_joined_channel").get(0), MemberJoinedChannelEvent.class);
    assertThat(joined.getUser()).isEqualTo("U0ADA");
    assertThat(joined.getInviter()).isEqualTo(bot.authTest(r -> r).getUserId());
    assertThat(joined.getChannelType()).isEqualTo("C");
    ReactionAddedEvent reaction = event(app.events("reaction_added").get(0), ReactionAddedEvent.class);
    assertThat(reaction.getReaction()).isEqualTo("tada");
    assertThat(reaction.getItem().getTs()).isEqualTo(ts);
    assertThat(reaction.getItemUser()).isEqualTo(bot.authTest(r -> r).getUserId());
    await().atMost(Duration.ofSeconds(10)).until(() -> app.events("message").stream()
        .anyMatch(request -> request.json().path("event").path("subtype").asString("").equals("message_changed")));
    SlackApp.Request changed = app.events("message").stream()
        .filter(request -> request.json().path("event").path("subtype").asString("").equals("message_changed")).findFirst().orElseThrow();
    assertThat(event(changed, MessageChangedEvent.class).getMessage().getText()).isEqualTo("v2");
    assertThat(app.events()).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
  }

  @Test
  void onlySubscribedEventsOfChannelsTheBotIsInAreSent() throws Exception {
    subscribe(", \"events\": [\"app_mention\"]");
    String general = general();
    String random = channel("random").getId();
    String botUser = bot.authTest(r -> r).getUserId();
    slack.methods("xoxp-1000-4000-ada").conversationsJoin(r -> r.channel(random));

    bot.chatPostMessage(r -> r.channel(general).text("no message events"));
    slack.methods("xoxp-1000-4000-ada").chatPostMessage(r -> r.channel(random).text("<@" + botUser + "> not in here"));
    slack.methods("xoxp-1000-4000-ada").chatPostMessage(r -> r.channel(general).text("<@" + botUser + "> in here"));

    await().atMost(Duration.ofSeconds(10)).until(() -> app.events().size() == 1);
    assertThat(twin.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
    assertThat(app.events()).singleElement().satisfies(request -> assertThat(request.eventType()).isEqualTo("app_mention"));
  }

  @Test
  void aFailedDeliveryIsRetriedAtOnceThenAfterAMinuteWithSlacksRetryHeaders() throws Exception {
    subscribe(", \"events\": [\"message.channels\"]");
    String general = general();
    app.answer(500, 503);

    bot.chatPostMessage(r -> r.channel(general).text("retry me"));

    await().atMost(Duration.ofSeconds(10)).until(() -> app.events().size() == 2);
    assertThat(app.events().get(0).header("X-Slack-Retry-Num")).isEmpty();
    assertThat(app.events().get(1).header("X-Slack-Retry-Num")).isEqualTo("1");
    assertThat(app.events().get(1).header("X-Slack-Retry-Reason")).isEqualTo("http_error");
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.journal().webhookAttempts().size() == 2);
    JournalEntry.WebhookAttempt second = twin.journal().webhookAttempts().get(1);
    assertThat(second.outcome()).isEqualTo(JournalEntry.Outcome.FAILED);
    assertThat(second.nextAttempt()).contains(START.plus(Duration.ofMinutes(1)));

    twin.control().advanceClock(Duration.ofMinutes(1));

    await().atMost(Duration.ofSeconds(10)).until(() -> app.events().size() == 3);
    assertThat(app.events().get(2).header("X-Slack-Retry-Num")).isEqualTo("2");
    assertThat(app.events().get(2).body()).isEqualTo(app.events().get(0).body());
    await().atMost(Duration.ofSeconds(10)).until(() -> twin.journal().webhookAttempts().size() == 3);
    assertThat(twin.journal().webhookAttempts().get(2).outcome()).isEqualTo(JournalEntry.Outcome.DELIVERED);
  }

  @Test
  void aDroppedEventNeverArrivesAndTheJournalSaysWhichRuleDroppedIt() throws Exception {
    subscribe(", \"events\": [\"message.channels\"]");
    String general = general();
    twin.faults().add(FaultRule.newBuilder().id("lose-messages").webhook("message").fault(Fault.drop()).build());

    bot.chatPostMessage(r -> r.channel(general).text("lost"));

    assertThat(twin.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
    assertThat(app.events()).isEmpty();
    assertThat(twin.journal().webhookAttempts()).singleElement().satisfies(attempt -> {
      assertThat(attempt.outcome()).isEqualTo(JournalEntry.Outcome.DROPPED);
      assertThat(attempt.detail()).contains("lose-messages");
    });
  }
}
