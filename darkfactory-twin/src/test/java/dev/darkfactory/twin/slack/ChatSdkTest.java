package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.chat.ChatDeleteResponse;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** chat.postMessage, update, delete, postEphemeral and getPermalink through slack-api-client. */
class ChatSdkTest extends SlackSdkTest {

  @Test
  void aPostedMessageHasSlacksTimestampFromTheTwinsClockAndIsInTheHistory() throws Exception {
    Conversation general = channel("general");

    ChatPostMessageResponse first = bot.chatPostMessage(r -> r.channel(general.getId()).text("hello"));
    ChatPostMessageResponse second = bot.chatPostMessage(r -> r.channel("#general").text("again"));

    assertThat(first.isOk()).isTrue();
    assertThat(first.getTs()).isEqualTo(START.getEpochSecond() + ".000000");
    assertThat(second.getTs()).isEqualTo(START.getEpochSecond() + ".000001");
    assertThat(first.getChannel()).isEqualTo(general.getId());
    Message message = first.getMessage();
    assertThat(message.getText()).isEqualTo("hello");
    assertThat(message.getBotId()).startsWith("B");
    assertThat(message.getUser()).isEqualTo(bot.authTest(r -> r).getUserId());
    assertThat(message.getBotProfile().getName()).isEqualTo("twinbot");
    ConversationsHistoryResponse history = bot.conversationsHistory(r -> r.channel(general.getId()));
    assertThat(history.getMessages()).extracting(Message::getText).containsExactly("again", "hello");
  }

  @Test
  void blocksAreKeptAndTextIsOptionalWithThem() throws Exception {
    ChatPostMessageResponse post = bot.chatPostMessage(r -> r.channel("#general")
        .blocks(List.of(SectionBlock.builder().text(MarkdownTextObject.builder().text("*bold*").build()).build())));

    assertThat(post.isOk()).isTrue();
    assertThat(post.getMessage().getBlocks()).singleElement().isInstanceOf(SectionBlock.class);
  }

  @Test
  void slacksRefusalsArriveAsTheSdksErrors() throws Exception {
    assertThat(bot.chatPostMessage(r -> r.channel("#general")).getError()).isEqualTo("no_text");
    assertThat(bot.chatPostMessage(r -> r.channel("C0NOPE").text("x")).getError()).isEqualTo("channel_not_found");
    assertThat(bot.chatPostMessage(r -> r.channel("#random").text("x")).getError()).isEqualTo("not_in_channel");
    assertThat(bot.chatPostMessage(r -> r.channel("#general").text("x".repeat(40_001))).getError()).isEqualTo("msg_too_long");
    assertThat(bot.chatPostMessage(r -> r.channel("#general").text("x").threadTs("1.000001")).getError())
        .isEqualTo("thread_not_found");
  }

  @Test
  void chatWritePublicLetsABotPostInPublicChannelsItIsNotIn() throws Exception {
    seed("{\"bot\": {\"scopes\": [\"chat:write\", \"chat:write.public\", \"channels:read\"]}}");

    assertThat(bot.chatPostMessage(r -> r.channel("#random").text("x")).isOk()).isTrue();
  }

  @Test
  void repliesMakeAThreadThatHistoryLeavesOutAndRepliesReturns() throws Exception {
    String general = channel("general").getId();
    String parent = bot.chatPostMessage(r -> r.channel(general).text("question")).getTs();
    ChatPostMessageResponse reply = bot.chatPostMessage(r -> r.channel(general).text("answer").threadTs(parent));
    String nested = bot.chatPostMessage(r -> r.channel(general).text("more").threadTs(reply.getTs())).getTs();

    assertThat(reply.getMessage().getThreadTs()).isEqualTo(parent);
    assertThat(reply.getMessage().getParentUserId()).isEqualTo(reply.getMessage().getUser());
    ConversationsHistoryResponse history = bot.conversationsHistory(r -> r.channel(general));
    assertThat(history.getMessages()).singleElement().satisfies(root -> {
      assertThat(root.getTs()).isEqualTo(parent);
      assertThat(root.getReplyCount()).isEqualTo(2);
      assertThat(root.getLatestReply()).isEqualTo(nested);
      assertThat(root.getReplyUsers()).containsExactly(reply.getMessage().getUser());
    });
    ConversationsRepliesResponse thread = bot.conversationsReplies(r -> r.channel(general).ts(parent));
    assertThat(thread.isOk()).isTrue();
    assertThat(thread.getMessages()).extracting(Message::getText).containsExactly("question", "answer", "more");
    assertThat(bot.conversationsReplies(r -> r.channel(general).ts(reply.getTs())).getMessages()).hasSize(3);
    assertThat(bot.conversationsReplies(r -> r.channel(general).ts("1.5")).getError()).isEqualTo("thread_not_found");
  }

  @Test
  void aLongThreadPagesWithTheParentLeadingEveryPage() throws Exception {
    String general = channel("general").getId();
    String parent = bot.chatPostMessage(r -> r.channel(general).text("root")).getTs();
    for (int i = 0; i < 5; i++) {
      int n = i;
      bot.chatPostMessage(r -> r.channel(general).text("r" + n).threadTs(parent));
    }
    List<String> texts = new java.util.ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String at = cursor;
      ConversationsRepliesResponse page = bot.conversationsReplies(r -> r.channel(general).ts(parent).limit(3).cursor(at));
      assertThat(page.getMessages().get(0).getText()).isEqualTo("root");
      page.getMessages().stream().skip(1).forEach(message -> texts.add(message.getText()));
      cursor = page.isHasMore() ? page.getResponseMetadata().getNextCursor() : null;
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(texts).containsExactly("r0", "r1", "r2", "r3", "r4");
  }

  @Test
  void updateEditsTheBotsOwnMessageAndNobodyElses() throws Exception {
    seed("{\"channels\": [{\"id\": \"C0SEEDED01\", \"name\": \"general\", \"is_general\": true,"
        + " \"members\": [\"U0ADA\"], \"messages\": [{\"user\": \"U0ADA\", \"text\": \"mine\", \"ts\": \"1772441000.000100\"}]}],"
        + " \"users\": [{\"id\": \"U0ADA\", \"name\": \"ada\"}]}");
    String general = "C0SEEDED01";
    bot.conversationsJoin(r -> r.channel(general));
    String ts = bot.chatPostMessage(r -> r.channel(general).text("draft")).getTs();

    ChatUpdateResponse updated = bot.chatUpdate(r -> r.channel(general).ts(ts).text("final"));

    assertThat(updated.isOk()).isTrue();
    assertThat(updated.getText()).isEqualTo("final");
    assertThat(updated.getMessage().getEdited()).isNotNull();
    assertThat(bot.conversationsHistory(r -> r.channel(general)).getMessages().get(0).getText()).isEqualTo("final");
    assertThat(bot.chatUpdate(r -> r.channel(general).ts("1772441000.000100").text("hijack")).getError())
        .isEqualTo("cant_update_message");
    assertThat(bot.chatUpdate(r -> r.channel(general).ts("1772441000.999999").text("x")).getError()).isEqualTo("message_not_found");
    assertThat(bot.chatUpdate(r -> r.channel(general).ts(ts)).getError()).isEqualTo("no_text");
  }

  @Test
  void deleteRemovesAMessageAndLeavesATombstoneForAThreadParent() throws Exception {
    String general = channel("general").getId();
    String lone = bot.chatPostMessage(r -> r.channel(general).text("oops")).getTs();
    String parent = bot.chatPostMessage(r -> r.channel(general).text("parent")).getTs();
    bot.chatPostMessage(r -> r.channel(general).text("reply").threadTs(parent));

    ChatDeleteResponse deleted = bot.chatDelete(r -> r.channel(general).ts(lone));
    bot.chatDelete(r -> r.channel(general).ts(parent));

    assertThat(deleted.isOk()).isTrue();
    assertThat(deleted.getTs()).isEqualTo(lone);
    assertThat(bot.conversationsHistory(r -> r.channel(general)).getMessages()).singleElement().satisfies(tombstone -> {
      assertThat(tombstone.getSubtype()).isEqualTo("tombstone");
      assertThat(tombstone.getText()).isEqualTo("This message was deleted.");
    });
    assertThat(bot.chatDelete(r -> r.channel(general).ts(lone)).getError()).isEqualTo("message_not_found");
  }

  @Test
  void anEphemeralMessageIsShownToOneMemberAndKeptOutOfTheHistory() throws Exception {
    String general = channel("general").getId();
    String owner = bot.usersList(r -> r).getMembers().stream().filter(User::isPrimaryOwner).findFirst().orElseThrow().getId();

    ChatPostEphemeralResponse shown = bot.chatPostEphemeral(r -> r.channel(general).user(owner).text("psst"));

    assertThat(shown.isOk()).isTrue();
    assertThat(shown.getMessageTs()).isEqualTo(START.getEpochSecond() + ".000000");
    assertThat(bot.conversationsHistory(r -> r.channel(general)).getMessages()).isEmpty();
    assertThat(twin.control().snapshot(dev.darkfactory.twin.Namespace.ofCredential(TOKEN)).path("ephemeral").get(0)
        .path("message").path("text").asString()).isEqualTo("psst");
    assertThat(bot.chatPostEphemeral(r -> r.channel(general).user("U0NOBODY").text("x")).getError()).isEqualTo("user_not_found");
  }

  @Test
  void aPermalinkPointsAtTheMessageAndItsThread() throws Exception {
    String general = channel("general").getId();
    String parent = bot.chatPostMessage(r -> r.channel(general).text("p")).getTs();
    String reply = bot.chatPostMessage(r -> r.channel(general).text("r").threadTs(parent)).getTs();

    ChatGetPermalinkResponse link = bot.chatGetPermalink(r -> r.channel(general).messageTs(parent));
    ChatGetPermalinkResponse replyLink = bot.chatGetPermalink(r -> r.channel(general).messageTs(reply));

    assertThat(link.getPermalink()).isEqualTo("https://twin-workspace.slack.com/archives/" + general + "/p"
        + parent.replace(".", ""));
    assertThat(replyLink.getPermalink()).endsWith("?thread_ts=" + parent + "&cid=" + general);
    assertThat(bot.chatGetPermalink(r -> r.channel(general).messageTs("1.000002")).getError()).isEqualTo("message_not_found");
  }
}
