package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.prompt.ProjectDocs;
import dev.darkfactory.agent.testing.Twin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** System prompts and environment context (coding-agent-loop-spec §6, definition of done §9.8). */
class SystemPromptTest extends TwinFixture {
  @BeforeEach
  void initRepository() throws Exception {
    git("init", "-q", "-b", "main");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "Test");
    Files.writeString(dir.resolve("tracked.txt"), "x");
    git("add", ".");
    git("commit", "-q", "-m", "Initial commit");
    Files.writeString(dir.resolve("tracked.txt"), "changed");
    Files.writeString(dir.resolve("untracked.txt"), "new");
    Files.writeString(dir.resolve("AGENTS.md"), "ROOT AGENTS RULE");
    Files.writeString(dir.resolve("CLAUDE.md"), "CLAUDE RULE");
    Files.writeString(dir.resolve("GEMINI.md"), "GEMINI RULE");
    Files.createDirectories(dir.resolve(".codex"));
    Files.writeString(dir.resolve(".codex/instructions.md"), "CODEX RULE");
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).isZero();
  }

  static String systemPrompt(String provider, JsonNode request) {
    return switch (provider) {
      case "openai" -> request.path("instructions").asString();
      case "anthropic" -> request.path("system").get(0).path("text").asString();
      default -> request.path("systemInstruction").path("parts").get(0).path("text").asString();
    };
  }

  private String promptFor(String provider, SessionConfig config) {
    twin.text("ok");
    twin.session(Twin.profile(provider), config).submit("hi");
    return systemPrompt(provider, twin.requests().getLast());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void layersComeInOrderWithUserInstructionsLast(String provider) {
    String prompt = promptFor(provider,
        SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES).userInstructions("ALWAYS WRITE TESTS").build());

    int base = prompt.indexOf("You are a coding agent running in Dark Factory");
    int environment = prompt.indexOf("<environment>");
    int tools = prompt.indexOf("# Tools");
    int project = prompt.indexOf("# Project instructions");
    int user = prompt.indexOf("ALWAYS WRITE TESTS");
    assertThat(List.of(base, environment, tools, project, user)).doesNotContain(-1).isSorted();
    assertThat(prompt).endsWith("ALWAYS WRITE TESTS");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void environmentBlockAndGitSnapshot(String provider) {
    String prompt = promptFor(provider, SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES).build());

    assertThat(prompt).contains(
        "<environment>\nWorking directory: " + dir + "\nIs git repository: true\nGit branch: main\nPlatform: linux\n",
        "Today's date: " + LocalDate.now(java.time.ZoneOffset.UTC),
        "Model: ",
        "Knowledge cutoff: ",
        "</environment>",
        "<git_status>\nCurrent branch: main\nStatus: 1 modified, 5 untracked\nRecent commits:\n- ",
        "Initial commit");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void toolDescriptionsOfTheActiveProfile(String provider) {
    String prompt = promptFor(provider, SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES).build());

    assertThat(prompt).contains("- read_file: ", "- shell: ", "- spawn_agent: ");
    if (provider.equals("openai")) {
      assertThat(prompt).contains("- apply_patch: ").doesNotContain("- edit_file: ");
    } else {
      assertThat(prompt).contains("- edit_file: ").doesNotContain("- apply_patch: ");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void onlyTheProfilesInstructionFilesAreLoaded(String provider) {
    String prompt = promptFor(provider, SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES).build());

    assertThat(prompt).contains("ROOT AGENTS RULE");
    assertThat(prompt.contains("CODEX RULE")).isEqualTo(provider.equals("openai"));
    assertThat(prompt.contains("CLAUDE RULE")).isEqualTo(provider.equals("anthropic"));
    assertThat(prompt.contains("GEMINI RULE")).isEqualTo(provider.equals("gemini"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void providerBaseInstructionsCoverTheSpecsTopics(String provider) {
    String prompt = promptFor(provider, SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES).build());

    assertThat(prompt).contains("coding agent", "rror", "test");
    switch (provider) {
      case "openai" -> assertThat(prompt).contains("*** Begin Patch", "@@", "apply_patch");
      case "anthropic" -> assertThat(prompt).contains("old_string", "unique", "Always read a file before you edit it",
          "Prefer editing over rewriting");
      default -> assertThat(prompt).contains("GEMINI.md", "expected_replacements");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void deeperInstructionFilesComeLaterAndTheTotalIsCappedAt32Kb(String provider) throws Exception {
    Path sub = Files.createDirectories(dir.resolve("module"));
    Files.writeString(sub.resolve("AGENTS.md"), "DEEPER RULE\n" + "y".repeat(40_000));
    twin.text("ok");
    Session session = Session.builder(twin.client, Twin.profile(provider),
        dev.darkfactory.agent.env.LocalExecutionEnvironment.create(sub)).config(
            SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES).build()).build();

    session.submit("hi");

    String prompt = systemPrompt(provider, twin.requests().getLast());
    assertThat(prompt.indexOf("ROOT AGENTS RULE")).isLessThan(prompt.indexOf("DEEPER RULE"));
    assertThat(prompt).contains(ProjectDocs.TRUNCATION_MARKER).doesNotContain("y".repeat(33_000));
  }
}
