package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import dev.darkfactory.twin.fixture.Http;
import org.junit.jupiter.api.Test;

/** Tokens as Slack reads them, seen through slack-api-client: who a token is, and Slack's refusals. */
class AuthSdkTest extends SlackSdkTest {

  @Test
  void authTestSaysWhoABotTokenIs() throws Exception {
    AuthTestResponse auth = bot.authTest(r -> r);

    assertThat(auth.isOk()).isTrue();
    assertThat(auth.getTeamId()).startsWith("T").hasSize(11);
    assertThat(auth.getUserId()).startsWith("U");
    assertThat(auth.getBotId()).startsWith("B");
    assertThat(auth.getUser()).isEqualTo("twinbot");
    assertThat(auth.getTeam()).isEqualTo("Twin Workspace");
    assertThat(auth.getUrl()).isEqualTo("https://twin-workspace.slack.com/");
    assertThat(auth.getHttpResponseHeaders().get("x-oauth-scopes").get(0)).contains("chat:write");
  }

  @Test
  void noTokenIsNotAuthedAndAMalformedOneInvalidAuth() throws Exception {
    Http.Answer none = new Http(twin.baseUrl()).send("POST", "/api/auth.test", null, "", "application/x-www-form-urlencoded");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).isEqualTo("{\"ok\":false,\"error\":\"not_authed\"}");
    // The SDK sends "Bearer null" when it has no token: Slack (and the twin) read that as a bad token.
    assertThat(slack.methods().authTest(r -> r).getError()).isEqualTo("invalid_auth");
    AuthTestResponse invalid = slack.methods("not-a-slack-token").authTest(r -> r);
    assertThat(invalid.isOk()).isFalse();
    assertThat(invalid.getError()).isEqualTo("invalid_auth");
    assertThat(slack.methods("xapp-1-A1-1-abc").authTest(r -> r).getError()).isEqualTo("not_allowed_token_type");
  }

  @Test
  void aUserTokenActsAsTheWorkspaceOwner() throws Exception {
    AuthTestResponse auth = slack.methods("xoxp-1000-3000-owner").authTest(r -> r);

    assertThat(auth.isOk()).isTrue();
    assertThat(auth.getUser()).isEqualTo("owner");
    assertThat(auth.getBotId()).isNull();
  }

  @Test
  void aMissingScopeSaysWhatWasNeededAndWhatTheTokenHas() throws Exception {
    seed("{\"bot\": {\"scopes\": [\"channels:read\", \"users:read\"]}}");

    ChatPostMessageResponse post = bot.chatPostMessage(r -> r.channel("#general").text("hi"));

    assertThat(post.isOk()).isFalse();
    assertThat(post.getError()).isEqualTo("missing_scope");
    assertThat(post.getNeeded()).isEqualTo("chat:write,chat:write:bot,chat:write:user");
    assertThat(post.getProvided()).isEqualTo("channels:read,users:read");
    ConversationsHistoryResponse history = bot.conversationsHistory(r -> r.channel("C0"));
    assertThat(history.getError()).isEqualTo("missing_scope");
    assertThat(history.getNeeded()).startsWith("channels:history");
  }

  @Test
  void aDeletedUsersTokenIsAnInactiveAccount() throws Exception {
    seed("{\"users\": [{\"id\": \"U0ADA\", \"name\": \"ada\", \"deleted\": true}],"
        + " \"tokens\": [{\"token\": \"xoxp-1000-4000-ada\", \"user\": \"U0ADA\"}]}");

    assertThat(slack.methods("xoxp-1000-4000-ada").authTest(r -> r).getError()).isEqualTo("account_inactive");
  }
}
