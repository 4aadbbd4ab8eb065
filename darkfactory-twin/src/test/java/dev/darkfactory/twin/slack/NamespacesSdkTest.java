package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import dev.darkfactory.twin.Namespace;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Workspaces per token: every token is a workspace of its own (parallel trajectories do not see each other), unless a
 * seed lists it as a further token of a workspace, and then it acts as that workspace's user.
 */
class NamespacesSdkTest extends SlackSdkTest {

  @Test
  void twoTokensAreTwoWorkspacesThatDoNotSeeEachOther() throws Exception {
    MethodsClient other = slack.methods("xoxb-2000-2000-someoneelse");

    bot.chatPostMessage(r -> r.channel("#general").text("only here"));

    assertThat(other.authTest(r -> r).getTeamId()).isNotEqualTo(bot.authTest(r -> r).getTeamId());
    String otherGeneral = other.conversationsList(r -> r).getChannels().get(0).getId();
    assertThat(other.conversationsHistory(r -> r.channel(otherGeneral)).getMessages()).isEmpty();
    assertThat(twin.control().namespaces()).extracting(info -> info.namespace().id())
        .contains(Namespace.ofCredential(TOKEN).id(), Namespace.ofCredential("xoxb-2000-2000-someoneelse").id());
  }

  @Test
  void aSeededUserTokenActsInTheBotsWorkspace() throws Exception {
    seed("{\"users\": [{\"id\": \"U0ADA\", \"name\": \"ada\"}], \"tokens\": [{\"token\": \"xoxp-1000-4000-ada\", \"user\": \"U0ADA\","
        + " \"scopes\": [\"chat:write\", \"channels:history\", \"channels:read\"]}]}");
    MethodsClient ada = slack.methods("xoxp-1000-4000-ada");
    String general = channel("general").getId();

    assertThat(ada.authTest(r -> r).getUserId()).isEqualTo("U0ADA");
    assertThat(ada.authTest(r -> r).getTeamId()).isEqualTo(bot.authTest(r -> r).getTeamId());
    assertThat(ada.chatPostMessage(r -> r.channel(general).text("hi bot")).isOk()).isTrue();
    Message seen = bot.conversationsHistory(r -> r.channel(general)).getMessages().get(0);
    assertThat(seen.getUser()).isEqualTo("U0ADA");
    assertThat(seen.getBotId()).isNull();
    assertThat(ada.usersList(r -> r).getError()).isEqualTo("missing_scope");
    assertThat(twin.journal().exchanges().getLast().namespace()).isEqualTo(Namespace.ofCredential(TOKEN).id());
  }

  @Test
  void manyWorkspacesPostInParallelWithoutSeeingEachOther() throws Exception {
    int workspaces = 8;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Callable<Integer>> jobs = new java.util.ArrayList<>();
      for (int i = 0; i < workspaces; i++) {
        MethodsClient client = slack.methods("xoxb-" + (3000 + i) + "-1-parallel");
        jobs.add(() -> {
          String general = client.conversationsList(r -> r).getChannels().get(0).getId();
          for (int n = 0; n < 10; n++) {
            int text = n;
            client.chatPostMessage(r -> r.channel(general).text("m" + text));
          }
          return client.conversationsHistory(r -> r.channel(general).limit(100)).getMessages().size();
        });
      }
      for (Future<Integer> counted : pool.invokeAll(jobs)) {
        assertThat(counted.get()).isEqualTo(10);
      }
    }
  }
}
