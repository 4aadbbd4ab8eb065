package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.testing.Twin;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.testkit.Match;
import dev.darkfactory.testkit.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The cross-provider parity matrix of coding-agent-loop-spec §9.12: every row for the OpenAI,
 * Anthropic and Gemini profiles. The model's side is scripted on the twin in each provider's wire
 * format; the tools really run in a temporary directory.
 */
class ParityMatrixTest extends TwinFixture {
  /** The provider's native edit of {@code path}: replace {@code before} by {@code after}. */
  private static String[] edit(String provider, String path, String before, String after) {
    return switch (provider) {
      case "openai" -> new String[] {"apply_patch", json("patch",
          "*** Begin Patch\n*** Update File: " + path + "\n@@\n-" + before + "\n+" + after + "\n*** End Patch")};
      case "anthropic" -> new String[] {"edit_file",
          "{\"file_path\":\"" + path + "\",\"old_string\":\"" + before + "\",\"new_string\":\"" + after + "\"}"};
      default -> new String[] {"edit_file", "{\"file_path\":\"" + path + "\",\"old_string\":\"" + before
          + "\",\"new_string\":\"" + after + "\",\"expected_replacements\":1}"};
    };
  }

  private static String json(String key, String value) {
    return dev.darkfactory.agent.internal.Json.object().put(key, value).toString();
  }

  private Session session(String provider) {
    return twin.session(Twin.profile(provider));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void simpleFileCreation(String provider) {
    twin.calls("write_file", "{\"file_path\":\"hello.py\",\"content\":\"print('Hello World')\\n\"}").text("Created.");

    SubmitResult result = session(provider).submit("Create hello.py that prints Hello World");

    assertThat(result.completed()).isTrue();
    assertThat(dir.resolve("hello.py")).hasContent("print('Hello World')\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void readFileThenEditIt(String provider) throws Exception {
    Files.writeString(dir.resolve("app.py"), "print('Hello')\n");
    twin.calls("read_file", "{\"file_path\":\"app.py\"}")
        .calls(edit(provider, "app.py", "print('Hello')", "print('Hello')\\nprint('Goodbye')"))
        .text("Added Goodbye.");
    if (provider.equals("openai")) {
      twin.server.clearRequests();
    }

    SubmitResult result = session(provider).submit("Add a Goodbye line");

    assertThat(result.completed()).isTrue();
    assertThat(dir.resolve("app.py")).content().contains("print('Hello')", "print('Goodbye')");
    assertThat(twin.recorded().get(1).body()).contains("1 | print('Hello')");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void multiFileEditInOneSession(String provider) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "alpha\n");
    Files.writeString(dir.resolve("b.txt"), "beta\n");
    String[] first = edit(provider, "a.txt", "alpha", "ALPHA");
    String[] second = edit(provider, "b.txt", "beta", "BETA");
    twin.calls(first[0], first[1], second[0], second[1]).text("Both edited.");

    session(provider).submit("Upper-case both files");

    assertThat(dir.resolve("a.txt")).hasContent("ALPHA\n");
    assertThat(dir.resolve("b.txt")).hasContent("BETA\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void shellCommandExecution(String provider) {
    twin.calls("shell", "{\"command\":\"echo hi > out.txt && cat out.txt\"}").text("Ran it.");

    session(provider).submit("Run a command");

    assertThat(twin.events(AgentEvent.ToolCallEnd.class)).singleElement().satisfies(end -> {
      assertThat(end.isError()).isFalse();
      assertThat(end.output()).startsWith("hi\nExit code: 0");
    });
    assertThat(dir.resolve("out.txt")).hasContent("hi\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void shellCommandTimeoutHandling(String provider) {
    // Ample time for the shell to print on a loaded machine; none for the sleep.
    twin.calls("shell", "{\"command\":\"echo started; sleep 300\",\"timeout_ms\":2000}")
        .text("The command timed out; I will use a longer timeout next time.");

    SubmitResult result = session(provider).submit("Run the slow command");

    assertThat(result.completed()).isTrue();
    assertThat(twin.events(AgentEvent.ToolCallEnd.class)).singleElement().satisfies(end -> {
      assertThat(end.isError()).isTrue();
      assertThat(end.output()).contains("started", "[ERROR: Command timed out after 2000ms.");
    });
    assertThat(twin.recorded().get(1).body()).contains("Command timed out after 2000ms");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void grepAndGlobToFindFiles(String provider) throws Exception {
    Files.createDirectories(dir.resolve("src/deep"));
    Files.writeString(dir.resolve("src/deep/Target.java"), "class Target { void needle() {} }\n");
    Files.writeString(dir.resolve("src/Other.java"), "class Other {}\n");
    twin.calls("glob", "{\"pattern\":\"**/*.java\"}", "grep", "{\"pattern\":\"needle\",\"glob_filter\":\"*.java\"}")
        .text("Found it in src/deep/Target.java.");

    session(provider).submit("Where is needle defined?");

    // glob and grep run as one concurrent batch: find each end by its tool, not by position.
    var ends = twin.events(AgentEvent.ToolCallEnd.class);
    assertThat(ends).filteredOn(end -> end.toolName().equals("glob")).singleElement()
        .satisfies(end -> assertThat(end.output()).contains("src/deep/Target.java", "src/Other.java"));
    assertThat(ends).filteredOn(end -> end.toolName().equals("grep")).singleElement()
        .satisfies(end -> assertThat(end.output()).isEqualTo("src/deep/Target.java:1:class Target { void needle() {} }"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void multiStepReadAnalyzeEdit(String provider) throws Exception {
    Files.writeString(dir.resolve("config.py"), "DEBUG = False\nPORT = 80\n");
    twin.calls("read_file", "{\"file_path\":\"config.py\"}")
        .calls("grep", "{\"pattern\":\"PORT\"}")
        .calls(edit(provider, "config.py", "PORT = 80", "PORT = 8080"))
        .calls("shell", "{\"command\":\"grep -c 8080 config.py\"}")
        .text("Port changed to 8080 and verified.");

    SubmitResult result = session(provider).submit("Change the port to 8080");

    assertThat(result.turns()).isEqualTo(5);
    assertThat(dir.resolve("config.py")).hasContent("DEBUG = False\nPORT = 8080\n");
    assertThat(twin.events(AgentEvent.ToolCallEnd.class)).allSatisfy(end -> assertThat(end.isError()).isFalse());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void toolOutputTruncationOfALargeFile(String provider) throws Exception {
    Files.writeString(dir.resolve("big.txt"), "x".repeat(100_000));
    twin.calls("read_file", "{\"file_path\":\"big.txt\"}").text("It is a lot of x.");

    session(provider).submit("Read big.txt");

    assertThat(twin.events(AgentEvent.ToolCallEnd.class)).singleElement()
        .satisfies(end -> assertThat(end.output()).hasSize("  1 | ".length() + 100_000));
    String sent = twin.recorded().get(1).body();
    assertThat(sent).contains("[WARNING: Tool output was truncated. 50006 characters were removed from the middle.");
    assertThat(sent.length()).isLessThan(100_000);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void parallelToolCalls(String provider) {
    ProviderProfile profile = Twin.profile(provider);
    CyclicBarrier barrier = new CyclicBarrier(2);
    profile.toolRegistry().register(Tool.of(new ToolDefinition("rendezvous", "Waits for a partner call",
        Schema.object().build()), (args, ctx) -> {
          barrier.await(60, TimeUnit.SECONDS); // only returns if both calls run at the same time
          return "met";
        }));
    twin.calls("rendezvous", "{}", "rendezvous", "{}").text("Both met.");

    twin.session(profile).submit("Meet");

    assertThat(profile.supportsParallelToolCalls()).isTrue();
    assertThat(twin.events(AgentEvent.ToolCallEnd.class)).hasSize(2)
        .allSatisfy(end -> assertThat(end.output()).isEqualTo("met"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void steeringMidTask(String provider) {
    ProviderProfile profile = Twin.profile(provider);
    AtomicReference<Session> self = new AtomicReference<>();
    profile.toolRegistry().register(Tool.of(new ToolDefinition("long_step", "A step during which the user steers",
        Schema.object().build()), (args, ctx) -> {
          self.get().steer("Actually, just create a single /health endpoint for now");
          return "step done";
        }));
    twin.calls("long_step", "{}").text("Created only /health.");
    Session session = twin.session(profile);
    self.set(session);

    session.submit("Create a Flask app with many routes");

    assertThat(twin.kinds()).containsSubsequence(EventKind.TOOL_CALL_END, EventKind.STEERING_INJECTED,
        EventKind.ASSISTANT_TEXT_END);
    assertThat(session.history()).filteredOn(Turn.SteeringTurn.class::isInstance).hasSize(1);
    assertThat(twin.recorded().get(1).body()).contains("Actually, just create a single /health endpoint for now");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void reasoningEffortChange(String provider) {
    twin.text("low effort answer").text("high effort answer");
    Session session = twin.session(Twin.profile(provider),
        SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES).reasoningEffort("low").build());

    session.submit("first");
    session.setReasoningEffort("high");
    session.submit("second");

    JsonNode first = twin.requests().get(0);
    JsonNode second = twin.requests().get(1);
    switch (provider) {
      case "openai" -> {
        assertThat(first.path("reasoning").path("effort").asString()).isEqualTo("low");
        assertThat(second.path("reasoning").path("effort").asString()).isEqualTo("high");
      }
      case "anthropic" -> {
        assertThat(first.path("thinking").path("budget_tokens").asInt()).isEqualTo(1024);
        assertThat(second.path("thinking").path("budget_tokens").asInt()).isEqualTo(16384);
      }
      default -> {
        int low = first.path("generationConfig").path("thinkingConfig").path("thinkingBudget").asInt();
        int high = second.path("generationConfig").path("thinkingConfig").path("thinkingBudget").asInt();
        assertThat(low).isPositive();
        assertThat(high).isGreaterThan(low);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void subagentSpawnAndWait(String provider) throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Match child = Match.any().bodyContains("Working directory: " + sub);
    twin.server.enqueue(Reply.toolCall("spawn_agent", "{\"task\":\"Write notes.txt\",\"working_dir\":\"sub\"}"));
    twin.server.enqueue(child, Reply.toolCall("write_file", "{\"file_path\":\"notes.txt\",\"content\":\"from child\"}"));
    twin.server.enqueue(child, Reply.text("Child done."));
    twin.server.enqueue(Reply.toolCall("wait", "{\"agent_id\":\"agent-1\"}"));
    twin.server.enqueue(Reply.text("The subagent wrote notes.txt."));

    SubmitResult result = session(provider).submit("Delegate writing notes");

    assertThat(result.output()).isEqualTo("The subagent wrote notes.txt.");
    assertThat(sub.resolve("notes.txt")).hasContent("from child");
    assertThat(twin.events(AgentEvent.SubagentEvent.class)).extracting(e -> e.event().kind())
        .contains(EventKind.SESSION_START, EventKind.TOOL_CALL_START, EventKind.TOOL_CALL_END, EventKind.PROCESSING_END);
    var parentEnds = twin.events(AgentEvent.ToolCallEnd.class);
    assertThat(parentEnds.get(0).output()).startsWith("Spawned subagent agent-1");
    assertThat(parentEnds.get(1).output()).isEqualTo("Subagent agent-1 completed (success: true, turns used: 2).\n\nChild done.");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void loopDetectionTriggersWarning(String provider) {
    for (int i = 0; i < 10; i++) {
      twin.calls("read_file", "{\"file_path\":\"same.txt\"}");
    }
    twin.text("I will stop repeating myself.");

    session(provider).submit("Read same.txt");

    assertThat(twin.events(AgentEvent.LoopDetection.class)).singleElement()
        .satisfies(event -> assertThat(event.message()).startsWith("Loop detected: the last 10 tool calls"));
    assertThat(twin.recorded().get(10).body()).contains("Loop detected: the last 10 tool calls");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void errorRecoveryWhenAToolFails(String provider) throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/main.py"), "print(1)\n");
    twin.calls("read_file", "{\"file_path\":\"main.py\"}")
        .calls("read_file", "{\"file_path\":\"src/main.py\"}")
        .text("Found it under src/.");

    SubmitResult result = session(provider).submit("Read main.py");

    assertThat(result.completed()).isTrue();
    var ends = twin.events(AgentEvent.ToolCallEnd.class);
    assertThat(ends.get(0).isError()).isTrue();
    assertThat(ends.get(0).output()).contains("File not found: main.py");
    assertThat(twin.recorded().get(1).body()).contains("File not found: main.py");
    assertThat(ends.get(1).isError()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void providerSpecificEditingFormatWorks(String provider) throws Exception {
    Files.writeString(dir.resolve("m.py"), "x = 1\ny = 1\nz = 1\n");
    switch (provider) {
      case "openai" -> twin.calls("apply_patch", json("patch", """
          *** Begin Patch
          *** Update File: m.py
          @@ x = 1
           x = 1
          -y = 1
          +y = 2
          *** Add File: n.py
          +created = True
          *** End Patch"""));
      case "anthropic" -> twin.calls("edit_file", "{\"file_path\":\"m.py\",\"old_string\":\"= 1\",\"new_string\":\"= 2\"}")
          .calls("edit_file", "{\"file_path\":\"m.py\",\"old_string\":\"= 1\",\"new_string\":\"= 2\",\"replace_all\":true}");
      default -> twin.calls("edit_file", "{\"file_path\":\"m.py\",\"old_string\":\"= 1\",\"new_string\":\"= 2\"}")
          .calls("edit_file", "{\"file_path\":\"m.py\",\"old_string\":\"= 1\",\"new_string\":\"= 2\",\"expected_replacements\":3}");
    }
    twin.text("Edited.");

    session(provider).submit("Edit m.py");

    var ends = twin.events(AgentEvent.ToolCallEnd.class);
    switch (provider) {
      case "openai" -> {
        assertThat(ends.get(0).output()).isEqualTo("Success. Updated the following files:\nM m.py\nA n.py");
        assertThat(dir.resolve("m.py")).hasContent("x = 1\ny = 2\nz = 1\n");
        assertThat(dir.resolve("n.py")).hasContent("created = True\n");
        assertThat(Twin.profile(provider).toolRegistry().names()).contains("apply_patch").doesNotContain("edit_file");
      }
      case "anthropic" -> {
        assertThat(ends.get(0).output()).contains("old_string appears 3 times in m.py");
        assertThat(ends.get(1).output()).isEqualTo("Replaced 3 occurrences in m.py.");
        assertThat(dir.resolve("m.py")).hasContent("x = 2\ny = 2\nz = 2\n");
        assertThat(Twin.profile(provider).toolRegistry().names()).contains("edit_file").doesNotContain("apply_patch");
      }
      default -> {
        assertThat(ends.get(0).output()).contains("Expected 1 occurrence(s) of old_string in m.py but found 3");
        assertThat(ends.get(1).output()).isEqualTo("Replaced 3 occurrences in m.py.");
        assertThat(Twin.profile(provider).toolRegistry().names()).contains("edit_file", "read_many_files", "list_dir");
      }
    }
  }
}
