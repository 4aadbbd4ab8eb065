package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.reactions.ReactionsGetResponse;
import com.slack.api.model.Reaction;
import org.junit.jupiter.api.Test;

/** reactions.add, reactions.get and reactions.remove through slack-api-client. */
class ReactionsSdkTest extends SlackSdkTest {

  @Test
  void reactionsAreAddedCountedAndRemoved() throws Exception {
    String general = channel("general").getId();
    String ts = bot.chatPostMessage(r -> r.channel(general).text("ship it")).getTs();

    assertThat(bot.reactionsAdd(r -> r.channel(general).timestamp(ts).name("rocket")).isOk()).isTrue();
    assertThat(bot.reactionsAdd(r -> r.channel(general).timestamp(ts).name(":eyes:")).isOk()).isTrue();
    ReactionsGetResponse got = bot.reactionsGet(r -> r.channel(general).timestamp(ts));

    assertThat(got.getType()).isEqualTo("message");
    assertThat(got.getMessage().getReactions()).extracting(Reaction::getName, Reaction::getCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("rocket", 1), org.assertj.core.groups.Tuple.tuple("eyes", 1));
    assertThat(bot.reactionsAdd(r -> r.channel(general).timestamp(ts).name("rocket")).getError()).isEqualTo("already_reacted");
    assertThat(bot.reactionsRemove(r -> r.channel(general).timestamp(ts).name("rocket")).isOk()).isTrue();
    assertThat(bot.reactionsRemove(r -> r.channel(general).timestamp(ts).name("rocket")).getError()).isEqualTo("no_reaction");
    assertThat(bot.conversationsHistory(r -> r.channel(general)).getMessages().get(0).getReactions())
        .extracting(Reaction::getName).containsExactly("eyes");
    assertThat(bot.reactionsAdd(r -> r.channel(general).timestamp("1.000009").name("x")).getError()).isEqualTo("message_not_found");
    assertThat(bot.reactionsAdd(r -> r.channel(general).timestamp(ts).name("not an emoji")).getError()).isEqualTo("invalid_name");
  }
}
