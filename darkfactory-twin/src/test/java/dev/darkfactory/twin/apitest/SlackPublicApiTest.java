package dev.darkfactory.twin.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.twin.runtime.TwinServer;
import dev.darkfactory.twin.slack.SlackSignature;
import dev.darkfactory.twin.slack.SlackTwin;
import dev.darkfactory.twin.webhook.DeliveryAttempt;
import dev.darkfactory.twin.webhook.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Slack twin's public surface, used from another package as a project's own tests would. */
class SlackPublicApiTest {

  @Test
  void aProjectStartsTheSlackTwinAndTalksSlackToIt() throws Exception {
    SlackTwin slack = SlackTwin.newBuilder().tierRateLimits(false)
        .webhooks(SlackTwin.EVENT_DELIVERY.withRetry(RetryPolicy.after(Duration.ZERO))).build();
    try (TwinServer twin = TwinServer.start(slack); HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(twin.baseUrl() + "/api/auth.test"))
          .header("Authorization", "Bearer xoxb-api-test").POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(answer.body()).startsWith("{\"ok\":true");
      assertThat(slack.methods()).contains("chat.postMessage", "conversations.history", "users.list");
    }
    assertThat(new SlackSignature().sign("{}".getBytes(StandardCharsets.UTF_8), "s", Instant.EPOCH, DeliveryAttempt.FIRST))
        .containsKeys(SlackSignature.SIGNATURE, SlackSignature.TIMESTAMP);
  }
}
