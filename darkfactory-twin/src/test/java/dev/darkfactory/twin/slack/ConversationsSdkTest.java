package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.conversations.ConversationsArchiveResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** conversations.* through slack-api-client: channels, membership, history and Slack's cursor pagination. */
class ConversationsSdkTest extends SlackSdkTest {

  @Test
  void theDefaultWorkspaceHasGeneralWithTheBotAndRandomWithout() throws Exception {
    ConversationsListResponse list = bot.conversationsList(r -> r);

    assertThat(list.isOk()).isTrue();
    assertThat(list.getChannels()).extracting(Conversation::getName).containsExactly("general", "random");
    assertThat(list.getChannels()).extracting(Conversation::isMember).containsExactly(true, false);
    assertThat(list.getChannels().get(0).isGeneral()).isTrue();
    assertThat(list.getChannels().get(0).getNumOfMembers()).isEqualTo(2);
    assertThat(list.getResponseMetadata().getNextCursor()).isEmpty();
  }

  @Test
  void createMakesAChannelTheCreatorIsInAndNamesAreCheckedAsSlackChecksThem() throws Exception {
    ConversationsCreateResponse created = bot.conversationsCreate(r -> r.name("deploys"));

    assertThat(created.isOk()).isTrue();
    assertThat(created.getChannel().getId()).startsWith("C");
    assertThat(created.getChannel().isMember()).isTrue();
    assertThat(created.getChannel().getCreator()).isEqualTo(bot.authTest(r -> r).getUserId());
    assertThat(bot.conversationsCreate(r -> r.name("deploys")).getError()).isEqualTo("name_taken");
    assertThat(bot.conversationsCreate(r -> r.name("Deploys Now")).getError()).isEqualTo("invalid_name_specials");
    assertThat(bot.conversationsCreate(r -> r.name("x".repeat(81))).getError()).isEqualTo("invalid_name_maxlength");
    assertThat(bot.conversationsCreate(r -> r.name("--")).getError()).isEqualTo("invalid_name_punctuation");
    assertThat(bot.conversationsCreate(r -> r.name("")).getError()).isEqualTo("invalid_name_required");
  }

  @Test
  void privateChannelsAreListedOnlyForTheirMembers() throws Exception {
    String secret = bot.conversationsCreate(r -> r.name("secret").isPrivate(true)).getChannel().getId();

    List<String> publicOnly = bot.conversationsList(r -> r).getChannels().stream().map(Conversation::getName).toList();
    List<String> both = bot.conversationsList(r -> r.types(List.of(ConversationType.PUBLIC_CHANNEL,
        ConversationType.PRIVATE_CHANNEL))).getChannels().stream().map(Conversation::getName).toList();

    assertThat(publicOnly).doesNotContain("secret");
    assertThat(both).contains("secret");
    ConversationsInfoResponse info = bot.conversationsInfo(r -> r.channel(secret));
    assertThat(info.getChannel().isPrivate()).isTrue();
    assertThat(slack.methods("xoxb-9-9-other-workspace").conversationsInfo(r -> r.channel(secret)).getError())
        .isEqualTo("channel_not_found");
    assertThat(bot.conversationsJoin(r -> r.channel(secret)).getError()).isEqualTo("method_not_supported_for_channel_type");
  }

  @Test
  void listsPageWithSlacksCursorsUntilTheCursorIsEmpty() throws Exception {
    for (int i = 0; i < 5; i++) {
      int n = i;
      bot.conversationsCreate(r -> r.name("room-" + n));
    }
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String at = cursor;
      ConversationsListResponse page = bot.conversationsList(r -> r.limit(3).cursor(at));
      page.getChannels().forEach(channel -> names.add(channel.getName()));
      cursor = page.getResponseMetadata().getNextCursor();
      pages++;
    } while (!cursor.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(names).containsExactly("general", "random", "room-0", "room-1", "room-2", "room-3", "room-4");
    assertThat(bot.conversationsList(r -> r.cursor("bm9wZQ==")).getError()).isEqualTo("invalid_cursor");
    assertThat(bot.conversationsList(r -> r.cursor("%%%")).getError()).isEqualTo("invalid_cursor");
  }

  @Test
  void joinAddsTheCallerPostsSlacksJoinMessageAndWarnsWhenAlreadyIn() throws Exception {
    String random = channel("random").getId();

    ConversationsJoinResponse joined = bot.conversationsJoin(r -> r.channel(random));
    ConversationsJoinResponse again = bot.conversationsJoin(r -> r.channel(random));

    assertThat(joined.isOk()).isTrue();
    assertThat(joined.getChannel().isMember()).isTrue();
    assertThat(joined.getWarning()).isNull();
    assertThat(again.isOk()).isTrue();
    assertThat(again.getWarning()).isEqualTo("already_in_channel");
    assertThat(again.getResponseMetadata().getWarnings()).containsExactly("already_in_channel");
    Message join = bot.conversationsHistory(r -> r.channel(random)).getMessages().get(0);
    assertThat(join.getSubtype()).isEqualTo("channel_join");
    assertThat(join.getText()).isEqualTo("<@" + join.getUser() + "> has joined the channel");
  }

  @Test
  void inviteAddsMembersAndRefusesAsSlackDoes() throws Exception {
    seed("{\"users\": [{\"id\": \"U0ADA\", \"name\": \"ada\"}, {\"id\": \"U0BOB\", \"name\": \"bob\"}]}");
    String general = channel("general").getId();
    String lab = bot.conversationsCreate(r -> r.name("lab")).getChannel().getId();

    String self = bot.authTest(r -> r).getUserId();
    ConversationsInviteResponse invited = bot.conversationsInvite(r -> r.channel(lab).users(List.of("U0ADA", "U0BOB")));

    assertThat(invited.isOk()).isTrue();
    ConversationsMembersResponse members = bot.conversationsMembers(r -> r.channel(lab));
    assertThat(members.getMembers()).containsExactly(self, "U0ADA", "U0BOB");
    assertThat(bot.conversationsInvite(r -> r.channel(lab).users(List.of("U0ADA"))).getError()).isEqualTo("already_in_channel");
    assertThat(bot.conversationsInvite(r -> r.channel(lab).users(List.of("U0NOBODY"))).getError()).isEqualTo("user_not_found");
    assertThat(bot.conversationsInvite(r -> r.channel(lab).users(List.of(self))).getError()).isEqualTo("cant_invite_self");
    String random = channel("random").getId();
    assertThat(bot.conversationsInvite(r -> r.channel(random).users(List.of("U0ADA"))).getError()).isEqualTo("not_in_channel");
    assertThat(bot.conversationsMembers(r -> r.channel(general)).getMembers()).contains("U0ADA", "U0BOB");
    assertThat(bot.conversationsHistory(r -> r.channel(lab)).getMessages()).extracting(Message::getInviter)
        .containsOnly(self);
  }

  @Test
  void membersPageWithCursors() throws Exception {
    StringBuilder users = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      users.append(i == 0 ? "" : ",").append("{\"id\": \"U0M").append(i).append("\", \"name\": \"m").append(i).append("\"}");
    }
    seed("{\"users\": [" + users + "]}");
    String general = channel("general").getId();
    List<String> seen = new ArrayList<>();
    String cursor = "";
    do {
      String at = cursor;
      ConversationsMembersResponse page = bot.conversationsMembers(r -> r.channel(general).limit(3).cursor(at.isEmpty() ? null : at));
      seen.addAll(page.getMembers());
      cursor = page.getResponseMetadata().getNextCursor();
    } while (!cursor.isEmpty());

    assertThat(seen).hasSize(8).doesNotHaveDuplicates();
  }

  @Test
  void historyPagesNewestFirstAndHonoursOldestLatestAndInclusive() throws Exception {
    String general = channel("general").getId();
    List<String> ts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      ts.add(bot.chatPostMessage(r -> r.channel(general).text("m" + n)).getTs());
    }

    ConversationsHistoryResponse first = bot.conversationsHistory(r -> r.channel(general).limit(2));
    ConversationsHistoryResponse second = bot.conversationsHistory(r -> r.channel(general).limit(2)
        .cursor(first.getResponseMetadata().getNextCursor()));
    ConversationsHistoryResponse last = bot.conversationsHistory(r -> r.channel(general).limit(2)
        .cursor(second.getResponseMetadata().getNextCursor()));

    assertThat(first.getMessages()).extracting(Message::getText).containsExactly("m4", "m3");
    assertThat(first.isHasMore()).isTrue();
    assertThat(second.getMessages()).extracting(Message::getText).containsExactly("m2", "m1");
    assertThat(last.getMessages()).extracting(Message::getText).containsExactly("m0");
    assertThat(last.isHasMore()).isFalse();
    assertThat(bot.conversationsHistory(r -> r.channel(general).oldest(ts.get(1)).latest(ts.get(3))).getMessages())
        .extracting(Message::getText).containsExactly("m2");
    assertThat(bot.conversationsHistory(r -> r.channel(general).oldest(ts.get(1)).latest(ts.get(3)).inclusive(true))
        .getMessages()).extracting(Message::getText).containsExactly("m3", "m2", "m1");
    assertThat(bot.conversationsHistory(r -> r.channel(general).oldest("yesterday")).getError()).isEqualTo("invalid_ts_oldest");
  }

  @Test
  void readingAPublicChannelNeedsMembership() throws Exception {
    String random = channel("random").getId();

    assertThat(bot.conversationsHistory(r -> r.channel(random)).getError()).isEqualTo("not_in_channel");
    assertThat(bot.conversationsInfo(r -> r.channel(random)).isOk()).isTrue();
    assertThat(bot.conversationsInfo(r -> r.channel("C0NOPE")).getError()).isEqualTo("channel_not_found");
  }

  @Test
  void archiveClosesAChannelForPostsAndJoins() throws Exception {
    String lab = bot.conversationsCreate(r -> r.name("lab")).getChannel().getId();

    ConversationsArchiveResponse archived = bot.conversationsArchive(r -> r.channel(lab));

    assertThat(archived.isOk()).isTrue();
    assertThat(bot.conversationsInfo(r -> r.channel(lab)).getChannel().isArchived()).isTrue();
    assertThat(bot.chatPostMessage(r -> r.channel(lab).text("x")).getError()).isEqualTo("is_archived");
    assertThat(bot.conversationsJoin(r -> r.channel(lab)).getError()).isEqualTo("is_archived");
    assertThat(bot.conversationsArchive(r -> r.channel(lab)).getError()).isEqualTo("already_archived");
    String general = channel("general").getId();
    assertThat(bot.conversationsArchive(r -> r.channel(general)).getError()).isEqualTo("cant_archive_general");
    assertThat(bot.conversationsList(r -> r.excludeArchived(true)).getChannels()).extracting(Conversation::getName)
        .doesNotContain("lab");
  }
}
