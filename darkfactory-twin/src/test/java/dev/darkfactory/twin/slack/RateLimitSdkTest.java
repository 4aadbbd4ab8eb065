package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.SlackApiException;
import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultRule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rate limits as slack-api-client sees them: HTTP 429 {@code ratelimited} with {@code Retry-After}, from faults. */
class RateLimitSdkTest extends SlackSdkTest {

  @Test
  void aRateLimitFaultIsASlackApiExceptionWith429AndRetryAfter() {
    twin.faults().add(FaultRule.newBuilder().route("POST /api/chat.postMessage").nth(1)
        .fault(Fault.rateLimited(Duration.ofSeconds(30))).build());

    assertThatThrownBy(() -> bot.chatPostMessage(r -> r.channel("#general").text("x")))
        .isInstanceOfSatisfying(SlackApiException.class, e -> {
          assertThat(e.getResponse().code()).isEqualTo(429);
          assertThat(e.getResponse().header("Retry-After")).isEqualTo("30");
          assertThat(e.getError().getError()).isEqualTo("ratelimited");
          assertThat(e.getError().isOk()).isFalse();
        });
  }

  @Test
  void theNextCallAfterTheFaultGoesThrough() throws Exception {
    twin.faults().add(FaultRule.newBuilder().route("POST /api/chat.postMessage").nth(1)
        .fault(Fault.rateLimited(Duration.ofSeconds(1))).build());
    assertThatThrownBy(() -> bot.chatPostMessage(r -> r.channel("#general").text("x"))).isInstanceOf(SlackApiException.class);

    assertThat(bot.chatPostMessage(r -> r.channel("#general").text("x")).isOk()).isTrue();
  }

  @Test
  void aServerErrorFaultIsSlacksServiceUnavailable() {
    twin.faults().add(FaultRule.newBuilder().route("/api/users.list").fault(Fault.status(503)).build());

    assertThatThrownBy(() -> bot.usersList(r -> r)).isInstanceOfSatisfying(SlackApiException.class, e -> {
      assertThat(e.getResponse().code()).isEqualTo(503);
      assertThat(e.getError().getError()).isEqualTo("service_unavailable");
    });
  }
}
