package dev.darkfactory.cli.conformance;

import dev.darkfactory.llm.Environment;
import dev.darkfactory.cli.twin.Testkit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the adapter's class-data-sharing archive: {@code make build} runs this
 * once with {@code -XX:ArchiveClassesAtExit} (or JDK 25's {@code -XX:AOTCacheOutput}), so every
 * later {@code bin/conformance} start maps the classes all subcommands need instead of loading and
 * verifying them. It runs each subcommand in-process against a private mock on a free loopback port,
 * in a scratch directory, and prints only how many ran.
 */
public final class ConformanceTraining {
  private ConformanceTraining() {}

  /** One subcommand invocation of the training set. */
  record Invocation(String stdin, List<String> args) {}

  public static void main(String[] ignored) throws IOException {
    Path scratch = Files.createTempDirectory("conformance-training");
    // The mock comes from the testkit jar next to factory.jar, in a loader of its own (Testkit).
    try (Testkit.Mock mock = Testkit.attractorBenchMock()) {
      java.util.Map<String, String> variables = new java.util.LinkedHashMap<>(mock.environment());
      variables.put("CONFORMANCE_RUNS_DIR", scratch.resolve("runs").toString());
      Environment environment = Environment.of(variables);
      int ran = 0;
      for (Invocation invocation : invocations(scratch)) {
        StringWriter sink = new StringWriter();
        ConformanceIo io = new ConformanceIo(invocation::stdin, new PrintWriter(sink), new PrintWriter(sink), environment, scratch);
        ConformanceMain.run(io, invocation.args().toArray(String[]::new));
        ran++;
      }
      System.out.println("conformance training: " + ran + " invocations");
    } finally {
      deleteTree(scratch);
    }
  }

  static List<Invocation> invocations(Path scratch) throws IOException {
    String simple = "{\"model\":\"gpt-4o\",\"provider\":\"openai\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":100}";
    String tools = "{\"model\":\"claude-sonnet-4-20250514\",\"provider\":\"anthropic\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}],"
        + "\"tools\":[{\"name\":\"get_weather\",\"description\":\"d\",\"parameters\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}]}";
    String schema = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Alice is 30\"}],"
        + "\"response_schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}}";
    Path dot = scratch.resolve("training.dot");
    Files.writeString(dot, """
        digraph training {
          graph [goal="Train the class-data archive"]
          start [shape=Mdiamond]
          work [shape=box, prompt="Say hello for: $goal"]
          done [shape=Msquare]
          start -> work -> done [condition="outcome=success"]
        }
        """, StandardCharsets.UTF_8);
    Path file = scratch.resolve("note.txt");
    Files.writeString(file, "training\n", StandardCharsets.UTF_8);
    return List.of(
        new Invocation("", List.of("client-from-env")),
        new Invocation("", List.of("list-models")),
        new Invocation(simple, List.of("complete")),
        new Invocation(simple.replace("100}", "100,\"stream\":true}"), List.of("stream")),
        new Invocation(simple.replace("gpt-4o\",\"provider\":\"openai", "gemini-pro\",\"provider\":\"gemini"), List.of("complete")),
        new Invocation(tools, List.of("tool-call")),
        new Invocation(tools.replace("}]}", "}],\"stream\":true}"), List.of("stream")),
        new Invocation(schema, List.of("generate-object")),
        new Invocation(simple.replace("100}", "10,\"_test_endpoint\":\"/v1/auth-error\"}"), List.of("complete")),
        new Invocation("", List.of("session-create")),
        new Invocation("{\"prompt\":\"Say hello\",\"system_prompt\":\"Be brief\"}", List.of("process-input")),
        new Invocation("{\"tool_name\":\"read_file\",\"arguments\":{\"path\":\"" + file + "\"}}", List.of("tool-dispatch")),
        new Invocation("{\"tool_name\":\"shell\",\"arguments\":{\"command\":\"echo hello\"}}", List.of("tool-dispatch")),
        new Invocation("{\"message\":\"use TypeScript\"}", List.of("steering")),
        new Invocation("", List.of("events")),
        new Invocation("", List.of("parse", dot.toString())),
        new Invocation("", List.of("validate", dot.toString())),
        new Invocation("", List.of("list-handlers")),
        new Invocation("", List.of("run", dot.toString())));
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
