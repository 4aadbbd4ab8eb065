package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.prompt.EnvironmentContext;
import dev.darkfactory.agent.testing.Twin;
import dev.darkfactory.agent.tool.ToolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Context window awareness (coding-agent-loop-spec §5.5): a warning past 80%, no compaction. */
class ContextWindowTest {
  @TempDir Path dir;

  /** A profile with a small window; everything else from the OpenAI profile. */
  record SmallWindow(ProviderProfile inner, int window) implements ProviderProfile {
    @Override public String id() { return inner.id(); }
    @Override public String model() { return inner.model(); }
    @Override public ToolRegistry toolRegistry() { return inner.toolRegistry(); }
    @Override public String buildSystemPrompt(EnvironmentContext environment, String docs) { return "You are terse."; }
    @Override public JsonNode providerOptions() { return inner.providerOptions(); }
    @Override public boolean supportsReasoning() { return false; }
    @Override public boolean supportsStreaming() { return true; }
    @Override public boolean supportsParallelToolCalls() { return true; }
    @Override public int contextWindowSize() { return window; }
    @Override public List<String> projectDocFiles() { return List.of(); }
    @Override public Optional<Integer> defaultMaxOutputTokens() { return Optional.empty(); }
    @Override public String displayName() { return inner.displayName(); }
    @Override public Optional<String> knowledgeCutoff() { return Optional.empty(); }
    @Override public ProviderProfile withModel(String model) { return new SmallWindow(inner.withModel(model), window); }
  }

  @Test
  void warnsPastEightyPercentAndAgainOnlyAfterFiveMorePoints() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a".repeat(3_300));
    Files.writeString(dir.resolve("b.txt"), "b".repeat(200));
    try (Twin twin = new Twin(dir)) {
      twin.calls("read_file", "{\"file_path\":\"a.txt\"}")
          .calls("read_file", "{\"file_path\":\"b.txt\"}")
          .text("done");
      Session session = twin.session(new SmallWindow(Twin.profile("openai"), 1_000));

      SubmitResult result = session.submit("read both");

      assertThat(result.completed()).as("informational only: the loop goes on").isTrue();
      List<String> warnings = twin.events(AgentEvent.Warning.class).stream().map(AgentEvent.Warning::message).toList();
      // Checked after each of the 3 responses and 2 rounds; warned at ~84%, then only once usage grew 5+ points.
      assertThat(warnings).containsExactly("Context usage at ~84% of context window", "Context usage at ~90% of context window");
    }
  }
}
