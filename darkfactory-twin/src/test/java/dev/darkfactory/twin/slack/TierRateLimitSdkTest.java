package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.SlackApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Slack's rate-limit tiers, enforced on the twin's clock when asked for: reproducible 429s without faults. */
class TierRateLimitSdkTest extends SlackSdkTest {

  @Override
  SlackTwin twinUnderTest() {
    return SlackTwin.newBuilder().tierRateLimits(true).build();
  }

  @Test
  void aTier2MethodAllowsTwentyCallsAMinuteThenSaysWhenToComeBack() throws Exception {
    String self = bot.authTest(r -> r).getUserId();
    for (int i = 0; i < 20; i++) {
      assertThat(bot.usersList(r -> r).isOk()).isTrue();
    }
    twin.control().advanceClock(Duration.ofSeconds(15));

    assertThatThrownBy(() -> bot.usersList(r -> r)).isInstanceOfSatisfying(SlackApiException.class, e -> {
      assertThat(e.getResponse().code()).isEqualTo(429);
      assertThat(e.getResponse().header("Retry-After")).isEqualTo("45");
      assertThat(e.getError().getError()).isEqualTo("ratelimited");
    });
    assertThat(bot.usersInfo(r -> r.user(self)).isOk()).isTrue();

    twin.control().advanceClock(Duration.ofSeconds(45));
    assertThat(bot.usersList(r -> r).isOk()).isTrue();
  }

  @Test
  void postMessageIsLimitedPerChannel() throws Exception {
    String lab = bot.conversationsCreate(r -> r.name("lab")).getChannel().getId();
    for (int i = 0; i < 60; i++) {
      bot.chatPostMessage(r -> r.channel("#general").text("flood"));
    }

    assertThatThrownBy(() -> bot.chatPostMessage(r -> r.channel("#general").text("one more")))
        .isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.getResponse().code()).isEqualTo(429));
    assertThat(bot.chatPostMessage(r -> r.channel(lab).text("elsewhere")).isOk()).isTrue();
  }
}
