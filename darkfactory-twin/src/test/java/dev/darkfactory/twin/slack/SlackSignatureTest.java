package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.twin.webhook.DeliveryAttempt;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The signer against the worked example of Slack's "Verifying requests from Slack" (the same vector Slack's SDK tests
 * its {@code SlackSignature.Generator} with), and the retry headers it adds.
 */
class SlackSignatureTest {

  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
      + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2F"
      + "hooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121"
      + ".803a0bc887a14d10d2c447fce8b6703c";

  @Test
  void slacksWorkedExampleSignsToSlacksSignature() {
    Map<String, String> headers = new SlackSignature().sign(BODY.getBytes(StandardCharsets.UTF_8), SECRET,
        Instant.ofEpochSecond(1531420618));

    assertThat(headers).containsEntry("X-Slack-Request-Timestamp", "1531420618")
        .containsEntry("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  }

  @Test
  void retriesSayWhichRetryTheyAreAndWhy() {
    SlackSignature signer = new SlackSignature();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Instant now = Instant.ofEpochSecond(1_700_000_000);

    assertThat(signer.sign(body, SECRET, now, DeliveryAttempt.FIRST)).doesNotContainKeys("X-Slack-Retry-Num", "X-Slack-Retry-Reason");
    assertThat(signer.sign(body, SECRET, now, new DeliveryAttempt(2, Optional.of(new DeliveryAttempt.Failure.Timeout()))))
        .containsEntry("X-Slack-Retry-Num", "1").containsEntry("X-Slack-Retry-Reason", "http_timeout");
    assertThat(signer.sign(body, SECRET, now, new DeliveryAttempt(3, Optional.of(new DeliveryAttempt.Failure.HttpStatus(500)))))
        .containsEntry("X-Slack-Retry-Num", "2").containsEntry("X-Slack-Retry-Reason", "http_error");
    assertThat(signer.sign(body, SECRET, now, new DeliveryAttempt(4,
        Optional.of(new DeliveryAttempt.Failure.ConnectionFailed("refused")))))
        .containsEntry("X-Slack-Retry-Num", "3").containsEntry("X-Slack-Retry-Reason", "connection_failed");
  }
}
