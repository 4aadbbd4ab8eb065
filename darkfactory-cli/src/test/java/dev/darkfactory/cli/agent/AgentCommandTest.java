package dev.darkfactory.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.Main;
import dev.darkfactory.cli.Terminal;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code factory agent} against the LLM twin: the tools really run in a temporary directory. */
class AgentCommandTest {
  @TempDir Path workdir;
  private FakeProviderServer twin;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    twin = FakeProviderServer.start();
  }

  @AfterEach
  void stop() {
    twin.close();
  }

  private int run(Map<String, String> env, String... args) {
    CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), Terminal.none());
    CommandLine command = new CommandLine(new AgentCommand(context, Environment.of(env)));
    command.setOut(context.out());
    command.setErr(context.err());
    command.setExecutionExceptionHandler((exception, line, parsed) -> {
      context.err().println("error: " + exception.getMessage());
      return exception instanceof UserException user ? user.exitCode() : 1;
    });
    return command.execute(args);
  }

  @Test
  void runsATaskAndRendersTextToolCallsAndASummary() {
    twin.enqueue(Reply.text("I'll create it.").withToolCall("write_file", "{\"file_path\":\"hello.py\",\"content\":\"print('hi')\\n\"}"));
    twin.enqueue(Reply.text("Created hello.py.").withUsage(1000, 20));

    int exit = run(twin.environment(), "--provider", "anthropic", "--model", "claude-opus-4-6",
        "--workdir", workdir.toString(), "Create", "hello.py");

    assertThat(exit).isZero();
    assertThat(workdir.resolve("hello.py")).hasContent("print('hi')\n");
    assertThat(out.toString())
        .contains("I'll create it.\n→ write_file {\"file_path\":\"hello.py\",\"content\":\"print('hi')\\n\"}\n")
        .contains("  ✓ Created hello.py (12 bytes written).\n")
        .contains("Created hello.py.\n")
        .containsPattern("— completed · anthropic claude-opus-4-6 · 2 turns, 1 tool round · tokens: \\d+ in, \\d+ out · cost: \\$");
    assertThat(twin.lastRequest().body()).contains("Create hello.py");
  }

  @Test
  void jsonPrintsEveryEventAsNdjsonThenAResult() {
    twin.enqueue(Reply.toolCall("shell", "{\"command\":\"echo hi\"}"));
    twin.enqueue(Reply.text("done"));

    assertThat(run(twin.environment(), "--provider", "openai", "--workdir", workdir.toString(), "--json", "say hi")).isZero();

    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).startsWith("{\"type\":\"session_start\"");
    assertThat(out.toString()).contains("{\"type\":\"tool_call_start\"", "\"tool_name\":\"shell\"", "{\"type\":\"session_end\"");
    assertThat(lines[lines.length - 1]).startsWith("{\"type\":\"result\",\"stop_reason\":\"completed\"");
  }

  @Test
  void failuresGiveAClearMessageAndANonZeroExit() throws Exception {
    twin.enqueue(Reply.fault(Fault.unauthorized()));

    assertThat(run(twin.environment(), "--provider", "gemini", "--workdir", workdir.toString(), "hi")).isEqualTo(1);
    assertThat(err.toString()).contains("error: LLM call failed (authentication)");
    assertThat(out.toString()).contains("— failed");

    assertThat(run(Map.of(), "hi")).isEqualTo(2);
    assertThat(err.toString()).contains("No LLM provider is configured");
    assertThat(run(twin.environment(), "--provider", "mistral", "hi")).isEqualTo(2);
    assertThat(err.toString()).contains("Provider 'mistral' is not configured");
    assertThat(run(twin.environment(), "--workdir", workdir.resolve("missing").toString(), "hi")).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
  }

  @Test
  void sandboxRunsCommandsUnderBubblewrap(@TempDir Path outside) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(dev.darkfactory.agent.env.Bubblewrap.isAvailable(),
        "bubblewrap (bwrap) is not installed or cannot create namespaces here");
    twin.enqueue(Reply.toolCall("shell", "{\"command\":\"touch inside.txt; touch " + outside + "/escape.txt\"}"));
    twin.enqueue(Reply.text("done"));

    run(twin.environment(), "--provider", "openai", "--sandbox", "--workdir", workdir.toString(), "touch files");

    assertThat(workdir.resolve("inside.txt")).exists();
    assertThat(outside.resolve("escape.txt")).doesNotExist();
  }

  @Test
  void fileToolsCannotWriteOutsideTheWorkingDirectoryWithOrWithoutTheSandbox(@TempDir Path outside) throws Exception {
    Files.createSymbolicLink(workdir.resolve("link"), outside);
    List<String> modes = new java.util.ArrayList<>(List.of("--workdir"));
    if (dev.darkfactory.agent.env.Bubblewrap.isAvailable()) {
      modes.add("--sandbox");
    }
    for (String mode : modes) {
      twin.enqueue(Reply.text("")
          .withToolCall("write_file", "{\"file_path\":\"../" + outside.getFileName() + "/dotdot.txt\",\"content\":\"x\"}")
          .withToolCall("write_file", "{\"file_path\":\"" + outside.resolve("absolute.txt") + "\",\"content\":\"x\"}")
          .withToolCall("write_file", "{\"file_path\":\"link/symlink.txt\",\"content\":\"x\"}"));
      twin.enqueue(Reply.text("gave up"));
      List<String> args = new java.util.ArrayList<>(List.of("--provider", "anthropic", "--workdir", workdir.toString()));
      if (!mode.equals("--workdir")) {
        args.add(mode);
      }
      args.add("escape");

      assertThat(run(twin.environment(), args.toArray(String[]::new))).as(mode).isZero();

      assertThat(outside).as(mode).isEmptyDirectory();
      assertThat(out.toString()).as(mode).contains("✗ Tool error (write_file): Access denied: ../" + outside.getFileName() + "/dotdot.txt is outside the working directory");
    }
  }

  @Test
  void theAgentsShellGetsNoSecretUnlessPassedByName() {
    // Surefire sets GH_PAT, DATABASE_URL (with a password), AWS_* and DARKFACTORY_TEST_PASSED for this JVM (see the pom).
    for (List<String> extra : List.of(List.<String>of(), List.of("--pass-env", "DARKFACTORY_TEST_PASSED"))) {
      twin.enqueue(Reply.toolCall("shell", "{\"command\":\"env\"}"));
      twin.enqueue(Reply.text("done"));
      List<String> args = new java.util.ArrayList<>(List.of("--provider", "openai", "--workdir", workdir.toString()));
      args.addAll(extra);
      args.add("show the environment");

      assertThat(run(twin.environment(), args.toArray(String[]::new))).isZero();

      String toolResult = twin.lastRequest().body();
      assertThat(toolResult).as(extra.toString()).doesNotContain("must-not-leak", "AKIAMUSTNOTLEAK").contains("PATH=");
      assertThat(toolResult.contains("DARKFACTORY_TEST_PASSED=visible")).as(extra.toString()).isEqualTo(!extra.isEmpty());
    }
  }

  @Test
  void isASubcommandOfFactory() {
    StringWriter help = new StringWriter();
    assertThat(Main.run(new PrintWriter(help), new PrintWriter(new StringWriter()), "agent", "--help")).isZero();
    assertThat(help.toString()).contains("--provider", "--model", "--workdir", "--sandbox", "--json", "TASK");
  }
}
