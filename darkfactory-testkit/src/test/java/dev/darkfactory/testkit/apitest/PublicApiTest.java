package dev.darkfactory.testkit.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Match;
import dev.darkfactory.testkit.Reply;
import dev.darkfactory.testkit.Script;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The twin's public surface, used from another package as a user's test would. */
class PublicApiTest {

    @Test
    void scriptsFaultsAndTheRequestLogArePublic() {
        Script script = Script.builder()
                .on(Match.path("/v1/messages"), Reply.fault(Fault.rateLimited(Duration.ofSeconds(1))), 1)
                .fallback(Reply.text("ok").withUsage(1, 1))
                .build();
        try (FakeProviderServer twin = FakeProviderServer.start(script)) {
            assertThat(twin.environment()).containsEntry("OPENAI_BASE_URL", twin.baseUrl() + "/v1");
            assertThat(twin.requests()).isEmpty();
            assertThat(twin.port()).isPositive();
        }
    }
}
