package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An app that does not answer in time: Slack gives up after 3 seconds and retries with {@code X-Slack-Retry-Reason:
 * http_timeout}. The twin's timeout is cut to 300 ms here so the test does not wait 3 s; the behaviour is the same.
 */
class SlowAppEventsTest extends SlackSdkTest {

  private static final String SECRET = "slow-app-secret";

  private final SlackApp app = new SlackApp(SECRET);

  @Override
  SlackTwin twinUnderTest() {
    return SlackTwin.newBuilder().webhooks(SlackTwin.EVENT_DELIVERY.withTimeout(Duration.ofMillis(300))).build();
  }

  @AfterEach
  void stopApp() {
    app.close();
  }

  @Test
  void anAnswerThatComesTooLateIsRetriedAsAnHttpTimeout() throws Exception {
    seed("{\"app\": {\"request_url\": \"" + app.url() + "\", \"signing_secret\": \"" + SECRET + "\","
        + " \"events\": [\"message.channels\"]}}");
    app.hold(1);
    String general = channel("general").getId();

    bot.chatPostMessage(r -> r.channel(general).text("slow"));

    await().atMost(Duration.ofSeconds(10)).until(() -> app.events().size() == 2);
    assertThat(app.events().get(1).header("X-Slack-Retry-Num")).isEqualTo("1");
    assertThat(app.events().get(1).header("X-Slack-Retry-Reason")).isEqualTo("http_timeout");
    assertThat(twin.journal().webhookAttempts().get(0).detail()).contains("no response within 300 ms");
  }
}
