package dev.darkfactory.twin.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Conversation;
import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.runtime.TwinOptions;
import dev.darkfactory.twin.runtime.TwinServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the fidelity tests: a Slack twin on loopback and slack-api-client, Slack's own Java SDK, pointed at it
 * ({@code methodsEndpointUrlPrefix}). The SDK fails on any field its models do not know
 * ({@code failOnUnknownProperties}), so the twin cannot invent fields unnoticed; its stats (which call
 * {@code auth.test} behind each method) are off, so every request is one the test chose.
 */
abstract class SlackSdkTest {

  static final String TOKEN = "xoxb-1000-2000-twintesttoken";
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  TwinServer twin;
  Slack slack;
  MethodsClient bot;

  SlackTwin twinUnderTest() {
    return SlackTwin.create();
  }

  @BeforeEach
  void startTwin() {
    twin = TwinServer.start(twinUnderTest(), TwinOptions.newBuilder().clock(START).idSeed(7).build());
    slack = Slack.getInstance(config());
    bot = slack.methods(TOKEN);
  }

  @AfterEach
  void stopTwin() throws Exception {
    slack.close();
    twin.close();
  }

  SlackConfig config() {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(twin.baseUrl() + "/api/");
    config.setStatsEnabled(false);
    config.setFailOnUnknownProperties(true);
    return config;
  }

  /** Seeds the workspace of {@link #TOKEN} from JSON text. */
  void seed(String json) {
    twin.control().seed(Namespace.ofCredential(TOKEN), Json.parse(json));
  }

  Conversation channel(String name) throws Exception {
    return bot.conversationsList(r -> r.limit(1000)).getChannels().stream().filter(c -> c.getName().equals(name))
        .findFirst().orElseThrow();
  }
}
