package dev.darkfactory.agent.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.builtin.ShellTool;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.llm.catalog.ModelCatalog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Provider profiles (coding-agent-loop-spec §3, definition of done §9.2). */
class ProfilesTest {

  @Test
  void openAiProfileIsCodexAligned() {
    OpenAiProfile profile = OpenAiProfile.create("gpt-5.2");

    assertThat(profile.id()).isEqualTo("openai");
    assertThat(profile.toolRegistry().names()).containsExactly(
        "read_file", "apply_patch", "write_file", "shell", "grep", "glob", "spawn_agent", "send_input", "wait", "close_agent");
    assertThat(profile.projectDocFiles()).containsExactly("AGENTS.md", ".codex/instructions.md");
    assertThat(profile.baseInstructions()).contains("apply_patch", "*** Begin Patch");
  }

  @Test
  void anthropicProfileIsClaudeCodeAligned() {
    AnthropicProfile profile = AnthropicProfile.create("claude-sonnet-4-5");

    assertThat(profile.toolRegistry().names()).containsExactly(
        "read_file", "write_file", "edit_file", "shell", "grep", "glob", "spawn_agent", "send_input", "wait", "close_agent");
    var properties = profile.toolRegistry().get("edit_file").orElseThrow().definition().parameters().path("properties");
    assertThat(properties.has("old_string") && properties.has("new_string") && properties.has("replace_all")).isTrue();
    assertThat(profile.toolRegistry().get("grep").orElseThrow().definition().parameters().path("properties").has("output_mode")).isTrue();
    assertThat(profile.toolRegistry().get("shell").orElseThrow().definition().description()).contains("120000 ms");
    assertThat(profile.providerOptions().path("anthropic").path("beta_headers").get(0).asString())
        .isEqualTo("interleaved-thinking-2025-05-14");
    assertThat(profile.withBetaHeaders(java.util.List.of()).providerOptions().isEmpty()).isTrue();
    assertThat(profile.defaultMaxOutputTokens()).get().satisfies(tokens -> assertThat(tokens).isBetween(4097, 32_000));
    assertThat(profile.projectDocFiles()).containsExactly("AGENTS.md", "CLAUDE.md");
  }

  @Test
  void geminiProfileIsGeminiCliAligned() {
    GeminiProfile profile = GeminiProfile.create("gemini-3.1-pro-preview");

    assertThat(profile.toolRegistry().names()).containsExactly("read_file", "read_many_files", "write_file", "edit_file",
        "shell", "grep", "glob", "list_dir", "spawn_agent", "send_input", "wait", "close_agent");
    assertThat(profile.toolRegistry().get("edit_file").orElseThrow().definition().parameters().path("properties")
        .has("expected_replacements")).isTrue();
    assertThat(profile.providerOptions().path("gemini").path("safetySettings").size()).isEqualTo(4);
    assertThat(profile.projectDocFiles()).containsExactly("AGENTS.md", "GEMINI.md");
    assertThat(profile.contextWindowSize()).isPositive();
  }

  @Test
  void customToolsAreRegisteredOnTopAndLatestWins() {
    OpenAiProfile profile = OpenAiProfile.create("gpt-5.2");
    Tool runTests = Tool.of(new ToolDefinition("run_tests", "Run the project's test suite",
        Schema.object().string("filter", "test filter", false).build()), (args, ctx) -> "ok");
    Tool myShell = new ShellTool("My own shell", Optional.empty());

    profile.toolRegistry().register(runTests);
    profile.toolRegistry().register(myShell);

    assertThat(profile.tools()).extracting(ToolDefinition::name).contains("run_tests", "shell");
    assertThat(profile.toolRegistry().get("shell")).containsSame(myShell);
    assertThat(profile.withModel("gpt-5.2-mini").toolRegistry()).as("a model override keeps the tools")
        .isSameAs(profile.toolRegistry());
  }

  @Test
  void eachProfileHasItsOwnSystemPrompt() {
    String openai = OpenAiProfile.create("gpt-5.2").baseInstructions();
    String anthropic = AnthropicProfile.create("claude-sonnet-4-5").baseInstructions();
    String gemini = GeminiProfile.create("gemini-3.1-pro-preview").baseInstructions();

    assertThat(openai).isNotEqualTo(anthropic).isNotEqualTo(gemini);
    assertThat(anthropic).isNotEqualTo(gemini);
  }

  @Test
  void unknownProvidersGetTheProfileOfTheirModelFamily() {
    ModelCatalog catalog = ModelCatalog.bundled();

    assertThat(ProviderProfiles.create("openrouter", Optional.of("anthropic/claude-sonnet-4-5"), catalog))
        .isInstanceOf(AnthropicProfile.class).extracting(ProviderProfile::id).isEqualTo("openrouter");
    assertThat(ProviderProfiles.create("ollama", Optional.of("qwen3-coder"), catalog)).isInstanceOf(OpenAiProfile.class);
    assertThat(ProviderProfiles.create("gemini", Optional.empty(), catalog).model()).isEqualTo(GeminiProfile.DEFAULT_MODEL);
  }
}
