package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.model.Message;
import dev.darkfactory.twin.DocumentException;
import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.runtime.TwinOptions;
import dev.darkfactory.twin.runtime.TwinServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Seeds, snapshots and determinism of the Slack twin's workspaces. */
class SlackStateTest extends SlackSdkTest {

  @Test
  void aSeededWorkspaceIsServedAsGiven() throws Exception {
    seed("{\"team\": {\"id\": \"T0ACME\", \"name\": \"Acme\", \"domain\": \"acme\"},"
        + " \"users\": [{\"id\": \"U0ADA\", \"name\": \"ada\"}],"
        + " \"channels\": [{\"id\": \"C0OPS\", \"name\": \"ops\", \"members\": [\"U0ADA\"],"
        + "   \"topic\": {\"value\": \"incidents\", \"creator\": \"U0ADA\", \"last_set\": 1700000000},"
        + "   \"messages\": [{\"user\": \"U0ADA\", \"text\": \"root\", \"ts\": \"1700000000.000100\"},"
        + "                 {\"user\": \"U0ADA\", \"text\": \"reply\", \"ts\": \"1700000001.000100\", \"thread_ts\": \"1700000000.000100\"}]}]}");
    String botUser = bot.authTest(r -> r).getUserId();

    assertThat(bot.authTest(r -> r).getTeamId()).isEqualTo("T0ACME");
    assertThat(bot.authTest(r -> r).getUrl()).isEqualTo("https://acme.slack.com/");
    assertThat(bot.conversationsInfo(r -> r.channel("C0OPS")).getChannel().getTopic().getValue()).isEqualTo("incidents");
    assertThat(bot.conversationsHistory(r -> r.channel("C0OPS")).getError()).isEqualTo("not_in_channel");
    bot.conversationsJoin(r -> r.channel("C0OPS"));
    assertThat(bot.conversationsReplies(r -> r.channel("C0OPS").ts("1700000000.000100")).getMessages())
        .extracting(Message::getText).containsExactly("root", "reply");
    assertThat(bot.usersList(r -> r).getMembers()).extracting(user -> user.getId()).contains("U0ADA", botUser, "USLACKBOT");
  }

  @Test
  void theSeedOfTheDocsLoads(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("slack.yaml");
    Files.writeString(seed, """
        namespaces:
          %s:
            team: {id: T0ACME, name: Acme, domain: acme}
            bot: {user_id: U0BOT, bot_id: B0BOT, app_id: A0APP, scopes: [chat:write, channels:read, channels:history]}
            users:
              - {id: U0ADA, name: ada, real_name: Ada Lovelace, profile: {email: ada@example.com}}
            channels:
              - name: ops
                is_private: false
                members: [U0ADA, U0BOT]
                messages:
                  - {user: U0ADA, text: "deploy?", ts: "1700000000.000100"}
                  - {user: U0BOT, text: "on it", ts: "1700000001.000100", thread_ts: "1700000000.000100"}
            tokens:
              - {token: xoxp-ada, user: U0ADA}
        """.formatted(TOKEN));

    twin.control().seed(seed);

    assertThat(bot.authTest(r -> r).getUserId()).isEqualTo("U0BOT");
    String ops = channel("ops").getId();
    assertThat(bot.conversationsReplies(r -> r.channel(ops).ts("1700000000.000100")).getMessages()).hasSize(2);
    assertThat(slack.methods("xoxp-ada").authTest(r -> r).getUser()).isEqualTo("ada");
  }

  @Test
  void aSnapshotRestoresTheWorkspaceAndCarriesNoTokens() throws Exception {
    seed("{\"users\": [{\"id\": \"U0ADA\", \"name\": \"ada\"}], \"tokens\": [{\"token\": \"xoxp-1000-4000-ada\", \"user\": \"U0ADA\"}]}");
    String general = channel("general").getId();
    bot.chatPostMessage(r -> r.channel(general).text("keep me"));
    JsonNode snapshot = twin.control().snapshot(Namespace.ofCredential(TOKEN));

    twin.control().reset();
    twin.control().seed(Namespace.ofCredential(TOKEN), snapshot);

    assertThat(Json.text(snapshot)).doesNotContain("xoxp-1000-4000-ada");
    assertThat(snapshot.path("tokens").get(0).path("fingerprint").asString()).isEqualTo(Namespace.ofCredential("xoxp-1000-4000-ada").id());
    assertThat(bot.conversationsHistory(r -> r.channel(general)).getMessages()).extracting(Message::getText).containsExactly("keep me");
    assertThat(slack.methods("xoxp-1000-4000-ada").authTest(r -> r).getUserId()).isEqualTo("U0ADA");
    assertThat(bot.chatPostMessage(r -> r.channel(general).text("later")).getTs())
        .isGreaterThan(snapshot.path("last_ts").asString());
  }

  @Test
  void theSameIdSeedGivesTheSameWorkspace() throws Exception {
    JsonNode first = twin.control().snapshot(namespaceAfterOneCall());
    twin.close();
    twin = TwinServer.start(SlackTwin.create(), TwinOptions.newBuilder().clock(START).idSeed(7).build());
    slack = com.slack.api.Slack.getInstance(config());
    bot = slack.methods(TOKEN);

    assertThat(twin.control().snapshot(namespaceAfterOneCall())).isEqualTo(first);
  }

  private Namespace namespaceAfterOneCall() throws Exception {
    bot.chatPostMessage(r -> r.channel("#general").text("same"));
    return Namespace.ofCredential(TOKEN);
  }

  @Test
  void aSeedThatDoesNotFitIsRefusedAtTheValue(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("workspace.yaml");
    Files.writeString(seed, """
        namespaces:
          %s:
            users:
              - {id: U0ADA, name: ada}
            channels:
              - name: ops
                members: [U0ADA, U0GHOST]
        """.formatted(TOKEN));

    assertThatThrownBy(() -> twin.control().seed(seed)).isInstanceOf(DocumentException.class)
        .hasMessageContaining("workspace.yaml:7:26:")
        .hasMessageContaining("expected the id of a user of the workspace");
  }

  @Test
  void unknownPartsAndEventsAreRefusedWithASuggestion() {
    assertThatThrownBy(() -> seed("{\"chanels\": []}")).hasMessageContaining("unknown part 'chanels' (did you mean 'channels'?)");
    assertThatThrownBy(() -> seed("{\"app\": {\"events\": [\"app_mentions\"]}}"))
        .hasMessageContaining("unsupported bot event 'app_mentions' (did you mean 'app_mention'?)");
    assertThatThrownBy(() -> seed("{\"app\": {\"request_url\": \"http://127.0.0.1:9/x\"}}"))
        .hasMessageContaining("needs the app's signing_secret");
    assertThatThrownBy(() -> seed("{\"tokens\": [{\"token\": \"sk_test_123\", \"user\": \"USLACKBOT\"}]}"))
        .hasMessageContaining("expected a bot or user token");
    assertThatThrownBy(() -> seed("{\"channels\": [{\"name\": \"a\", \"messages\": [{\"user\": \"USLACKBOT\", \"ts\": \"soon\"}]}]}"))
        .hasMessageContaining("expected a Slack timestamp");
  }

  @Test
  void aRequestUrlOffLoopbackIsRefused() {
    assertThatThrownBy(() -> seed("{\"app\": {\"request_url\": \"https://hooks.example.com/slack\", \"signing_secret\": \"s\"}}"))
        .hasMessageContaining("loopback");
  }
}
