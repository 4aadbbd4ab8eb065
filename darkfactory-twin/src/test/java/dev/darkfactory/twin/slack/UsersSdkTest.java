package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** users.list, users.info and users.lookupByEmail through slack-api-client. */
class UsersSdkTest extends SlackSdkTest {

  @Test
  void theWorkspaceHasItsOwnerItsBotAndSlackbot() throws Exception {
    UsersListResponse list = bot.usersList(r -> r);

    assertThat(list.isOk()).isTrue();
    assertThat(list.getMembers()).extracting(User::getName).containsExactly("owner", "twinbot", "slackbot");
    User owner = list.getMembers().get(0);
    assertThat(owner.isPrimaryOwner()).isTrue();
    assertThat(owner.getProfile().getEmail()).isEqualTo("owner@example.com");
    User twinbot = list.getMembers().get(1);
    assertThat(twinbot.isBot()).isTrue();
    assertThat(twinbot.getProfile().getBotId()).isEqualTo(bot.authTest(r -> r).getBotId());
    assertThat(list.getCacheTs()).isEqualTo(Long.toString(START.getEpochSecond()));
  }

  @Test
  void usersPageWithCursors() throws Exception {
    StringBuilder users = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      users.append(i == 0 ? "" : ",").append("{\"id\": \"U0P").append(i).append("\", \"name\": \"p").append(i).append("\"}");
    }
    seed("{\"users\": [" + users + "]}");
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      String at = cursor;
      UsersListResponse page = bot.usersList(r -> r.limit(4).cursor(at));
      assertThat(page.getMembers()).hasSizeLessThanOrEqualTo(4);
      page.getMembers().forEach(user -> names.add(user.getName()));
      cursor = page.getResponseMetadata().getNextCursor();
    } while (!cursor.isEmpty());

    assertThat(names).hasSize(12).startsWith("p0", "p1").endsWith("twinbot", "slackbot");
    assertThat(bot.usersList(r -> r.cursor("dXNlcjpVMDAwMA==")).getError()).isEqualTo("invalid_cursor");
  }

  @Test
  void infoAndLookupByEmailFindOneUser() throws Exception {
    seed("{\"users\": [{\"id\": \"U0ADA\", \"name\": \"ada\", \"real_name\": \"Ada Lovelace\","
        + " \"profile\": {\"email\": \"ada@example.com\", \"title\": \"Analyst\"}}]}");

    UsersInfoResponse info = bot.usersInfo(r -> r.user("U0ADA"));
    UsersLookupByEmailResponse found = bot.usersLookupByEmail(r -> r.email("ADA@example.com"));

    assertThat(info.getUser().getRealName()).isEqualTo("Ada Lovelace");
    assertThat(info.getUser().getProfile().getTitle()).isEqualTo("Analyst");
    assertThat(info.getUser().getProfile().getFirstName()).isEqualTo("Ada");
    assertThat(found.getUser().getId()).isEqualTo("U0ADA");
    assertThat(bot.usersInfo(r -> r.user("U0NOBODY")).getError()).isEqualTo("user_not_found");
    assertThat(bot.usersLookupByEmail(r -> r.email("nobody@example.com")).getError()).isEqualTo("users_not_found");
  }

  @Test
  void emailsAreHiddenWithoutUsersReadEmail() throws Exception {
    seed("{\"bot\": {\"scopes\": [\"users:read\"]}}");

    assertThat(bot.usersList(r -> r).getMembers().get(0).getProfile().getEmail()).isNull();
    UsersLookupByEmailResponse lookup = bot.usersLookupByEmail(r -> r.email("owner@example.com"));
    assertThat(lookup.getError()).isEqualTo("missing_scope");
    assertThat(lookup.getNeeded()).isEqualTo("users:read.email");
  }
}
