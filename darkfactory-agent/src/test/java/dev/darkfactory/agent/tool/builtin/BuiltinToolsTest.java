package dev.darkfactory.agent.tool.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.env.CommandRequest;
import dev.darkfactory.agent.env.ExecResult;
import dev.darkfactory.agent.env.ForwardingExecutionEnvironment;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.tool.CommandTimeouts;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolCallObserver;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolDispatcher;
import dev.darkfactory.agent.tool.ToolExecution;
import dev.darkfactory.agent.tool.ToolRegistry;
import dev.darkfactory.llm.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared core tools of coding-agent-loop-spec §3.3 and the profile-specific ones (§3.4-3.6). */
class BuiltinToolsTest {
  @TempDir Path dir;

  private ToolExecution call(Tool tool, String json) {
    return call(tool, json, CommandTimeouts.defaults());
  }

  private ToolExecution call(Tool tool, String json, CommandTimeouts timeouts) {
    ToolContext context = new ToolContext(LocalExecutionEnvironment.create(dir), "call", timeouts, delta -> {}, Optional.empty());
    return ToolDispatcher.of(ToolRegistry.of(List.of(tool))).dispatch(ToolCall.fromRaw("id", tool.name(), json), context, ToolCallObserver.NONE);
  }

  @Test
  void readFileNumbersLinesAndPagesWithOffsetAndLimit() throws Exception {
    Files.writeString(dir.resolve("f.txt"), "a\nb\nc\nd\n");

    assertThat(call(new ReadFileTool(), "{\"file_path\":\"f.txt\"}").modelOutput()).isEqualTo("  1 | a\n  2 | b\n  3 | c\n  4 | d");
    assertThat(call(new ReadFileTool(), "{\"file_path\":\"f.txt\",\"offset\":2,\"limit\":2}").modelOutput())
        .isEqualTo("  2 | b\n  3 | c\n[Showing lines 2-3. The file has more; read on with offset=4.]");
    assertThat(call(new ReadFileTool(), "{\"file_path\":\"f.txt\",\"offset\":9}").modelOutput()).isEqualTo("[f.txt has fewer than 9 lines]");
  }

  @Test
  void readFileErrorsAreResultsTheModelCanActOn() throws Exception {
    ToolExecution missing = call(new ReadFileTool(), "{\"file_path\":\"nope.txt\"}");

    assertThat(missing.isError()).isTrue();
    assertThat(missing.modelOutput()).isEqualTo("Tool error (read_file): File not found: nope.txt. Check the path, or search for the file with glob or grep.");
  }

  @Test
  void readFileReturnsImagesAsImageData() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1};
    Files.write(dir.resolve("pic.png"), png);

    ToolExecution execution = call(new ReadFileTool(), "{\"file_path\":\"pic.png\"}");

    assertThat(execution.image()).isPresent();
    assertThat(execution.image().get().mediaType()).isEqualTo("image/png");
    assertThat(execution.image().get().data()).isEqualTo(png);
  }

  @Test
  void writeFileCreatesDirectoriesAndReportsBytes() {
    ToolExecution execution = call(new WriteFileTool(), "{\"file_path\":\"a/b/c.txt\",\"content\":\"héllo\"}");

    assertThat(execution.modelOutput()).isEqualTo("Created a/b/c.txt (6 bytes written).");
    assertThat(dir.resolve("a/b/c.txt")).hasContent("héllo");
  }

  @Test
  void editFileClaudeCodeConvention() throws Exception {
    Files.writeString(dir.resolve("e.py"), "x = 1\nx = 1\n");
    EditFileTool tool = new EditFileTool(EditFileTool.Convention.CLAUDE_CODE);

    ToolExecution ambiguous = call(tool, "{\"file_path\":\"e.py\",\"old_string\":\"x = 1\",\"new_string\":\"x = 2\"}");
    ToolExecution all = call(tool, "{\"file_path\":\"e.py\",\"old_string\":\"x = 1\",\"new_string\":\"x = 2\",\"replace_all\":true}");

    assertThat(ambiguous.isError()).isTrue();
    assertThat(ambiguous.modelOutput()).contains("appears 2 times");
    assertThat(all.modelOutput()).isEqualTo("Replaced 2 occurrences in e.py.");
    assertThat(dir.resolve("e.py")).hasContent("x = 2\nx = 2\n");
    assertThat(tool.definition().parameters().path("properties").has("replace_all")).isTrue();
  }

  @Test
  void editFileGeminiConvention() throws Exception {
    Files.writeString(dir.resolve("g.py"), "a a");
    EditFileTool tool = new EditFileTool(EditFileTool.Convention.GEMINI_CLI);

    assertThat(call(tool, "{\"file_path\":\"g.py\",\"old_string\":\"a\",\"new_string\":\"b\"}").modelOutput())
        .contains("Expected 1 occurrence(s) of old_string in g.py but found 2");
    assertThat(call(tool, "{\"file_path\":\"g.py\",\"old_string\":\"a\",\"new_string\":\"b\",\"expected_replacements\":2}").modelOutput())
        .isEqualTo("Replaced 2 occurrences in g.py.");
    assertThat(tool.definition().parameters().path("properties").has("expected_replacements")).isTrue();
  }

  @Test
  void applyPatchToolReportsChangedFiles() {
    ToolExecution execution = call(new ApplyPatchTool(),
        "{\"patch\":\"*** Begin Patch\\n*** Add File: n.txt\\n+new\\n*** End Patch\"}");

    assertThat(execution.modelOutput()).isEqualTo("Success. Updated the following files:\nA n.txt");
    assertThat(dir.resolve("n.txt")).hasContent("new\n");
  }

  @Test
  void shellReportsOutputExitCodeAndDuration() {
    ToolExecution ok = call(new ShellTool(), "{\"command\":\"echo hi\"}");
    ToolExecution failed = call(new ShellTool(), "{\"command\":\"echo bad >&2; exit 2\"}");

    assertThat(ok.isError()).isFalse();
    assertThat(ok.modelOutput()).startsWith("hi\nExit code: 0\nDuration: ");
    assertThat(failed.isError()).isTrue();
    assertThat(failed.modelOutput()).startsWith("bad\nExit code: 2\n");
  }

  @Test
  void shellCommandsDoNotSeeSecretsFromTheParentEnvironment() {
    // Surefire puts DARKFACTORY_TEST_API_KEY and DARKFACTORY_TEST_TOKEN in this JVM's environment (see the pom).
    ToolExecution execution = call(new ShellTool(), "{\"command\":\"env | sort\"}");

    assertThat(execution.modelOutput()).contains("PATH=").doesNotContain("DARKFACTORY_TEST_API_KEY")
        .doesNotContain("DARKFACTORY_TEST_TOKEN").doesNotContain("must-not-leak");
  }

  @Test
  void shellTimeoutMessageIsTheSpecsAndKeepsPartialOutput() {
    // Ample time for the shell to print on a loaded machine; none for the sleep.
    ToolExecution execution = call(new ShellTool(), "{\"command\":\"echo partial; sleep 300\",\"timeout_ms\":2000}");

    assertThat(execution.isError()).isTrue();
    assertThat(execution.modelOutput()).isEqualTo("partial\n[ERROR: Command timed out after 2000ms. Partial output is shown above.\n"
        + "You can retry with a longer timeout by setting the timeout_ms parameter.]");
  }

  @Test
  void shellTimeoutComesFromTheSessionTheProfileOrTheCallAndIsCappedByTheMaximum() {
    AtomicReference<Duration> seen = new AtomicReference<>();
    LocalExecutionEnvironment local = LocalExecutionEnvironment.create(dir);
    var recording = new ForwardingExecutionEnvironment(local) {
      @Override
      public ExecResult execCommand(CommandRequest request) {
        seen.set(request.timeout());
        return new ExecResult("", "", 0, false, false, 1);
      }
    };
    CommandTimeouts timeouts = new CommandTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
    ToolContext context = new ToolContext(recording, "c", timeouts, d -> {}, Optional.empty());
    ShellTool session = new ShellTool();
    ShellTool anthropic = new ShellTool("shell", Optional.of(Duration.ofSeconds(120)));

    run(session, "{\"command\":\"true\"}", context);
    assertThat(seen.get()).isEqualTo(Duration.ofSeconds(10));
    run(session, "{\"command\":\"true\",\"timeout_ms\":2500}", context);
    assertThat(seen.get()).isEqualTo(Duration.ofMillis(2500));
    run(session, "{\"command\":\"true\",\"timeout_ms\":9999999}", context);
    assertThat(seen.get()).isEqualTo(Duration.ofSeconds(60));
    run(anthropic, "{\"command\":\"true\"}", context);
    assertThat(seen.get()).as("the profile default is capped by the maximum too").isEqualTo(Duration.ofSeconds(60));
    run(anthropic, "{\"command\":\"true\"}", new ToolContext(recording, "c", CommandTimeouts.defaults(), d -> {}, Optional.empty()));
    assertThat(seen.get()).isEqualTo(Duration.ofSeconds(120));
  }

  private static void run(Tool tool, String json, ToolContext context) {
    ToolDispatcher.of(ToolRegistry.of(List.of(tool))).dispatch(ToolCall.fromRaw("c", tool.name(), json), context, ToolCallObserver.NONE);
  }

  @Test
  void shellStreamsOutputDeltasToTheObserver() {
    List<String> deltas = new CopyOnWriteArrayList<>();
    ToolCallObserver observer = new ToolCallObserver() {
      @Override
      public void outputDelta(ToolCall call, String delta) {
        deltas.add(delta);
      }
    };
    ToolDispatcher.of(ToolRegistry.of(List.of(new ShellTool())))
        .dispatch(ToolCall.fromRaw("c", "shell", "{\"command\":\"echo one\"}"), ToolContext.of(LocalExecutionEnvironment.create(dir)), observer);
    assertThat(String.join("", deltas)).isEqualTo("one\n");
  }

  @Test
  void grepAndGlobFindFiles() throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/A.java"), "class A { int needle; }\n");
    Files.writeString(dir.resolve("src/b.py"), "needle = 1\n");

    assertThat(call(new GrepTool(false), "{\"pattern\":\"needle\",\"glob_filter\":\"*.java\"}").modelOutput())
        .isEqualTo("src/A.java:1:class A { int needle; }");
    assertThat(call(new GrepTool(true), "{\"pattern\":\"needle\",\"output_mode\":\"files_with_matches\"}").modelOutput())
        .isEqualTo("src/A.java\nsrc/b.py");
    assertThat(call(new GrepTool(true), "{\"pattern\":\"needle\",\"output_mode\":\"sideways\"}").isError()).isTrue();
    assertThat(call(new GrepTool(false), "{\"pattern\":\"(unclosed\"}").isError()).isTrue();
    assertThat(call(new GlobTool(), "{\"pattern\":\"**/*.py\"}").modelOutput()).isEqualTo("src/b.py");
    assertThat(call(new GlobTool(), "{\"pattern\":\"*.rs\"}").modelOutput()).isEqualTo("No files found matching *.rs.");
  }

  @Test
  void listDirAndReadManyFiles() throws Exception {
    Files.createDirectories(dir.resolve("d"));
    Files.writeString(dir.resolve("d/x.txt"), "xx");
    Files.writeString(dir.resolve("y.txt"), "yyy");

    assertThat(call(new ListDirTool(), "{}").modelOutput()).isEqualTo("d/\ny.txt (3 bytes)");
    assertThat(call(new ListDirTool(), "{\"depth\":2}").modelOutput()).isEqualTo("d/\nd/x.txt (2 bytes)\ny.txt (3 bytes)");
    assertThat(call(new ReadManyFilesTool(), "{\"paths\":[\"y.txt\",\"d/*.txt\",\"missing.txt\"]}").modelOutput())
        .isEqualTo("--- y.txt ---\nyyy\n--- d/x.txt ---\nxx\n--- missing.txt ---\n[skipped: File not found: missing.txt."
            + " Check the path, or search for the file with glob or grep.]");
  }

  @Test
  void subagentToolsWithoutSubagentsSayWhy() {
    ToolExecution execution = call(SubagentTools.spawnAgent(), "{\"task\":\"x\"}");
    assertThat(execution.isError()).isTrue();
    assertThat(execution.modelOutput()).isEqualTo("Tool error (spawn_agent): Subagents are not available here. Do the work yourself.");
  }
}
