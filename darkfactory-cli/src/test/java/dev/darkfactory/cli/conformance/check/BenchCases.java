package dev.darkfactory.cli.conformance.check;

import dev.darkfactory.cli.conformance.check.BenchCase.Check;
import dev.darkfactory.cli.conformance.check.BenchCase.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks, per tier, in the shape of the benchmark's (attractorbench-contract.md): what each
 * subcommand must print and exit with, and which mock routes it must have reached. They are our
 * reading of the contract, at least as strict as the benchmark where we know its check.
 */
public final class BenchCases {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BenchCases() {}

  /** Every case of every tier; {@code fixtures} holds the DOT files ({@link BenchFixtures#write}). */
  public static List<BenchCase> all(Path fixtures) {
    List<BenchCase> cases = new ArrayList<>();
    cases.addAll(tier1());
    cases.addAll(tier2(fixtures));
    cases.addAll(tier3(fixtures));
    return cases;
  }

  // ---- Tier 1: the unified LLM client ----------------------------------------------------------

  static final String SIMPLE = request("gpt-4o", "openai", "Say hello", "");
  static final String TOOLS = """
      {"model": "%s", "provider": "%s", "messages": [{"role": "user", "content": "What is the weather in SF?"}],
       "tools": [{"name": "get_weather", "description": "Get weather for a location",
                  "parameters": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}}],
       "max_tokens": 200}""";

  static String request(String model, String provider, String prompt, String extra) {
    return "{\"model\": \"" + model + "\"" + (provider.isEmpty() ? "" : ", \"provider\": \"" + provider + "\"")
        + ", \"messages\": [{\"role\": \"user\", \"content\": \"" + prompt + "\"}], \"max_tokens\": 100" + extra + "}";
  }

  static List<BenchCase> tier1() {
    List<BenchCase> t = new ArrayList<>();
    t.add(plain(1, "core_infra", "client_from_env", List.of("client-from-env"), (r, log) -> exitZero(r)));
    t.add(new BenchCase(1, "core_infra", "client_from_env_missing_key", List.of("client-from-env"), Optional.empty(),
        Map.of("OPENAI_API_KEY", "", "ANTHROPIC_API_KEY", "", "GEMINI_API_KEY", "", "OPENAI_BASE_URL", ""), false,
        (r, log) -> r.exitCode() != 0 ? ok() : fail("exit 0 with every key empty")));
    t.add(plain(1, "core_infra", "list_models", List.of("list-models"),
        (r, log) -> json(r).filter(j -> j.isArray() && !j.isEmpty() && j.get(0).has("id")).map(j -> ok()).orElseGet(() -> fail("not a non-empty array of models"))));
    t.add(withStdin(1, "generation", "complete_response", "complete", SIMPLE, (r, log) -> all(exitZero(r),
        field(r, "/id"), field(r, "/text"), has(r, "content"), field(r, "/usage/input_tokens"), field(r, "/usage/total_tokens"),
        called(log, "/v1/responses"))));
    t.add(withStdin(1, "core_infra", "default_provider_fallback", "complete", request("gpt-4o", "", "no provider field", ""),
        (r, log) -> all(exitZero(r), called(log, "/v1/responses"))));
    t.add(withStdin(1, "provider_adapters", "anthropic_complete", "complete", request("claude-sonnet-4-20250514", "anthropic", "Say hello", ""),
        (r, log) -> all(exitZero(r), field(r, "/text"), called(log, "/messages"))));
    t.add(withStdin(1, "provider_adapters", "gemini_complete", "complete", request("gemini-pro", "gemini", "Say hello", ""),
        (r, log) -> all(exitZero(r), field(r, "/text"), called(log, "generateContent"))));
    t.add(withStdin(1, "provider_adapters", "gemini_stream", "stream", request("gemini-pro", "gemini", "Say hello", ", \"stream\": true"),
        (r, log) -> all(exitZero(r), streamed(r), called(log, "streamGenerateContent"))));
    t.add(withStdin(1, "generation", "stream_events", "stream", request("gpt-4o", "openai", "Say hello", ", \"stream\": true"),
        (r, log) -> all(exitZero(r), streamed(r), called(log, "/v1/responses"))));
    t.add(withStdin(1, "provider_adapters", "anthropic_stream", "stream", request("claude-sonnet-4-20250514", "anthropic", "Say hello", ", \"stream\": true"),
        (r, log) -> all(exitZero(r), streamed(r), called(log, "/messages"))));
    t.add(withStdin(1, "tool_calling", "tool_call", "tool-call", TOOLS.formatted("gpt-4o", "openai"),
        (r, log) -> all(exitZero(r), equals(r, "/tool_calls/0/name", "get_weather"), field(r, "/tool_calls/0/arguments/location"))));
    t.add(withStdin(1, "tool_calling", "anthropic_tool_call", "tool-call", TOOLS.formatted("claude-sonnet-4-20250514", "anthropic"),
        (r, log) -> all(exitZero(r), equals(r, "/tool_calls/0/name", "get_weather"), called(log, "/messages"))));
    t.add(withStdin(1, "generation", "generate_object", "generate-object", """
        {"model": "gpt-4o", "provider": "openai", "messages": [{"role": "user", "content": "Extract: Alice is 30 years old"}],
         "response_schema": {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}, "required": ["name", "age"]},
         "max_tokens": 200}""", (r, log) -> all(exitZero(r), json(r).filter(JsonNode::isObject).map(j -> ok()).orElseGet(() -> fail("no JSON object")),
        called(log, "/v1/responses"))));
    t.add(withStdin(1, "message_content_model", "multimodal_message", "complete", """
        {"model": "gpt-4o", "provider": "openai", "messages": [{"role": "user", "content": [
          {"type": "text", "text": "What do you see?"},
          {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]}], "max_tokens": 100}""",
        (r, log) -> all(exitZero(r), bodyContains(log, "/v1/responses", "data:image/png;base64,iVBORw0KGgo="))));
    t.add(withStdin(1, "message_content_model", "tool_result_roundtrip", "complete", """
        {"model": "gpt-4o", "provider": "openai", "messages": [
          {"role": "user", "content": "What is the weather?"},
          {"role": "assistant", "content": null, "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"location\\": \\"SF\\"}"}}]},
          {"role": "tool", "tool_call_id": "call_1", "content": "72F and sunny"}], "max_tokens": 100}""",
        (r, log) -> all(exitZero(r), bodyContains(log, "/v1/responses", "72F and sunny"))));
    t.add(withStdin(1, "error_handling", "unknown_model", "complete", request("nonexistent", "openai", "test", ""),
        (r, log) -> r.exitCode() != 0 && errorJson(r) ? ok() : fail("nonexistent was not rejected with an error document")));
    t.add(withStdin(1, "error_handling", "rate_limit", "complete", request("gpt-4o", "openai", "test", ", \"_test_endpoint\": \"/v1/rate-limited\""),
        (r, log) -> all(r.exitCode() != 0 && errorJson(r) ? ok() : fail("no error document"), equals(r, "/error_type", "rate_limit"),
            r.took().compareTo(Duration.ofSeconds(30)) < 0 ? ok() : fail("took " + r.took()))));
    t.add(withStdin(1, "error_handling", "auth_error", "complete", request("gpt-4o", "openai", "test", ", \"_test_endpoint\": \"/v1/auth-error\""),
        (r, log) -> all(r.exitCode() != 0 && errorJson(r) ? ok() : fail("no error document"), equals(r, "/error_type", "authentication"),
            log.posts("/v1/auth-error").size() == 1 ? ok() : fail("an authentication error was retried"))));
    return t;
  }

  // ---- Tier 2: the coding-agent loop -----------------------------------------------------------

  static List<BenchCase> tier2(Path fixtures) {
    List<BenchCase> t = new ArrayList<>();
    String task = "{\"prompt\": \"Create a file called hello.py that prints Hello World\"}";
    t.add(plain(2, "core_loop", "session_create", List.of("session-create"), (r, log) -> all(exitZero(r), field(r, "/session_id"), field(r, "/status"))));
    t.add(withStdin(2, "core_loop", "process_input", "process-input", task, (r, log) -> all(exitZero(r), field(r, "/status"),
        has(r, "output"), has(r, "turns"), calledAny(log, "/v1/responses", "/messages"))));
    t.add(withStdin(2, "core_loop", "process_input_natural_end", "process-input", task, (r, log) -> equals(r, "/status", "completed")));
    t.add(withStdin(2, "system_prompts", "process_input_system_prompt", "process-input",
        "{\"prompt\": \"Test system prompt presence\", \"system_prompt\": \"You are a helpful assistant\"}",
        (r, log) -> all(exitZero(r), bodyContains(log, "/v1/responses", "You are a helpful assistant"))));
    t.add(withStdin(2, "error_handling", "process_input_dead_endpoint", "process-input",
        "{\"prompt\": \"test\", \"_test_base_url\": \"http://127.0.0.1:1/invalid\"}",
        (r, log) -> all(r.exitCode() != 0 ? ok() : fail("exit 0 on a dead endpoint"), field(r, "/error"),
            r.took().compareTo(Duration.ofSeconds(15)) < 0 ? ok() : fail("took " + r.took()))));
    Path file = fixtures.resolve("tool-dispatch-input.txt");
    writeQuietly(file, "test_content_xyz\n");
    t.add(withStdin(2, "execution_environment", "tool_dispatch_read_file", "tool-dispatch",
        "{\"tool_name\": \"read_file\", \"arguments\": {\"path\": \"" + file + "\"}}",
        (r, log) -> all(exitZero(r), r.stdout().contains("test_content_xyz") ? ok() : fail("file content missing"), equals(r, "/is_error", "false"))));
    t.add(withStdin(2, "execution_environment", "tool_dispatch_shell", "tool-dispatch",
        "{\"tool_name\": \"shell\", \"arguments\": {\"command\": \"echo hello\"}}",
        (r, log) -> all(exitZero(r), r.stdout().contains("hello") ? ok() : fail("no hello"))));
    t.add(withStdin(2, "tool_execution", "tool_dispatch_missing_file", "tool-dispatch",
        "{\"tool_name\": \"read_file\", \"arguments\": {\"path\": \"/nonexistent/file.txt\"}}",
        (r, log) -> all(exitZero(r), equals(r, "/is_error", "true"), has(r, "output"))));
    t.add(withStdin(2, "tool_execution", "tool_dispatch_unknown", "tool-dispatch", "{\"tool_name\": \"nonexistent_tool_xyz\", \"arguments\": {}}",
        (r, log) -> r.exitCode() != 0 || r.stdout().contains("\"error\"") ? ok() : fail("unknown tool without an error")));
    t.add(withStdin(2, "tool_execution", "tool_dispatch_bad_args", "tool-dispatch", "{\"tool_name\": \"read_file\", \"arguments\": \"not_valid_json{{{\"}",
        (r, log) -> r.exitCode() != 0 || r.stdout().contains("\"error\"") ? ok() : fail("malformed arguments without an error")));
    t.add(withStdin(2, "steering", "steering", "steering", "{\"message\": \"Actually, use TypeScript instead\"}",
        (r, log) -> all(exitZero(r), equals(r, "/status", "queued"), equals(r, "/acknowledged", "true"))));
    t.add(plain(2, "event_system", "events", List.of("events"), (r, log) -> all(exitZero(r), events(r))));
    return t;
  }

  // ---- Tier 3: the pipeline engine -------------------------------------------------------------

  static List<BenchCase> tier3(Path fixtures) {
    List<BenchCase> t = new ArrayList<>();
    String dir = fixtures.toString();
    t.add(plain(3, "dot_parsing", "parse_simple", List.of("parse", dir + "/simple.dot"), (r, log) -> all(exitZero(r),
        count(r, "/nodes", 3), count(r, "/edges", 2), equals(r, "/nodes/0/id", "start"), field(r, "/edges/0/from"), field(r, "/edges/0/to"))));
    t.add(plain(3, "dot_parsing", "parse_attributes", List.of("parse", dir + "/attributes.dot"), (r, log) -> all(exitZero(r),
        equals(r, "/goal", "Check attributes"), equals(r, "/edges/0/label", "go"), equals(r, "/edges/0/weight", "10"),
        r.stdout().contains("over two lines") && r.stdout().contains("max_retries") ? ok() : fail("quoted or unquoted values missing"))));
    t.add(plain(3, "dot_parsing", "parse_conditional", List.of("parse", dir + "/conditional.dot"), (r, log) -> all(exitZero(r),
        conditionalEdges(r))));
    t.add(plain(3, "dot_parsing", "parse_chained_edges", List.of("parse", dir + "/chained.dot"), (r, log) -> all(exitZero(r), count(r, "/edges", 4))));
    t.add(plain(3, "dot_parsing", "parse_comments", List.of("parse", dir + "/comments.dot"), (r, log) -> all(exitZero(r),
        r.stdout().contains("must not reach") ? fail("comment text in the AST") : ok())));
    t.add(plain(3, "dot_parsing", "parse_subgraph", List.of("parse", dir + "/subgraph.dot"), (r, log) -> all(exitZero(r),
        r.stdout().contains("\"id\":\"inner_a\"") ? ok() : fail("inner_a not flattened into the nodes"))));
    t.add(plain(3, "dot_parsing", "parse_node_defaults", List.of("parse", dir + "/defaults.dot"), (r, log) -> all(exitZero(r),
        equals(r, "/nodes/1/shape", "box"))));
    t.add(plain(3, "validation", "validate_valid", List.of("validate", dir + "/simple.dot"), (r, log) -> all(exitZero(r), count(r, "/diagnostics", 0))));
    t.add(plain(3, "validation", "validate_missing_start", List.of("validate", dir + "/missing_start.dot"), (r, log) -> all(
        r.exitCode() != 0 ? ok() : fail("exit 0"), diagnostic(r, "error", "start"))));
    t.add(plain(3, "validation", "validate_missing_exit", List.of("validate", dir + "/missing_exit.dot"), (r, log) -> all(
        r.exitCode() != 0 ? ok() : fail("exit 0"), diagnostic(r, "error", "exit"))));
    t.add(plain(3, "validation", "validate_orphan", List.of("validate", dir + "/orphan.dot"), (r, log) -> diagnostic(r, "", "unreachable")));
    t.add(plain(3, "validation", "validate_bad_edge", List.of("validate", dir + "/bad_edge.dot"), (r, log) -> diagnostic(r, "", "nowhere_node")));
    t.add(plain(3, "validation", "validate_missing_prompt", List.of("validate", dir + "/missing_prompt.dot"), (r, log) -> diagnostic(r, "warning", "prompt")));
    t.add(plain(3, "node_handlers", "list_handlers", List.of("list-handlers"), (r, log) -> all(exitZero(r),
        r.stdout().contains("\"start\"") && r.stdout().contains("\"codergen\"") && r.stdout().contains("\"exit\"") && r.stdout().contains("Mdiamond")
            ? ok() : fail("start, codergen or exit missing"))));
    t.add(reset(3, "execution_engine", "run_linear", List.of("run", dir + "/simple.dot"), (r, log) -> all(exitZero(r),
        equals(r, "/status", "success"), calledAny(log, "/v1/responses", "/messages"), has(r, "context"),
        r.stdout().contains("digraph") ? fail("the graph source is echoed") : ok())));
    t.add(reset(3, "execution_engine", "run_conditional", List.of("run", dir + "/conditional.dot"), (r, log) -> all(exitZero(r),
        equals(r, "/status", "success"), r.stdout().contains("path_a") && r.stdout().contains("path_b") ? fail("both branches ran") : ok())));
    t.add(reset(3, "goal_gate", "run_goal_gate", List.of("run", dir + "/goal_gate.dot"), (r, log) -> all(exitZero(r), field(r, "/status"),
        calledAny(log, "/v1/responses", "/messages"))));
    t.add(reset(3, "retry_logic", "run_with_retries", List.of("run", dir + "/attributes.dot"), (r, log) -> all(exitZero(r),
        calledAny(log, "/v1/responses", "/messages"))));
    t.add(plain(3, "state_context", "run_context", List.of("run", dir + "/chained.dot"), (r, log) -> all(exitZero(r),
        equals(r, "/completed_nodes/4", "done"), field(r, "/context/last_stage"))));
    return t;
  }

  // ---- Building blocks -------------------------------------------------------------------------

  static BenchCase plain(int tier, String section, String name, List<String> args, Check check) {
    return new BenchCase(tier, section, name, args, Optional.empty(), Map.of(), false, check);
  }

  static BenchCase reset(int tier, String section, String name, List<String> args, Check check) {
    return new BenchCase(tier, section, name, args, Optional.empty(), Map.of(), true, check);
  }

  static BenchCase withStdin(int tier, String section, String name, String subcommand, String stdin, Check check) {
    return new BenchCase(tier, section, name, List.of(subcommand), Optional.of(stdin), Map.of(), true, check);
  }

  static Optional<String> ok() {
    return Optional.empty();
  }

  static Optional<String> fail(String why) {
    return Optional.of(why);
  }

  @SafeVarargs
  static Optional<String> all(Optional<String>... checks) {
    for (Optional<String> check : checks) {
      if (check.isPresent()) {
        return check;
      }
    }
    return ok();
  }

  static Optional<String> exitZero(Result r) {
    return r.exitCode() == 0 ? ok() : fail("exit " + r.exitCode() + ": " + firstLine(r.stderr()));
  }

  static Optional<JsonNode> json(Result r) {
    try {
      return Optional.ofNullable(JSON.readTree(r.stdout()));
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
  }

  static Optional<String> field(Result r, String pointer) {
    return json(r).map(j -> j.at(pointer)).filter(v -> !v.isMissingNode() && !v.isNull() && !v.asString("").isEmpty())
        .map(v -> ok()).orElseGet(() -> fail("no " + pointer));
  }

  static Optional<String> has(Result r, String key) {
    return json(r).filter(j -> j.has(key)).map(j -> ok()).orElseGet(() -> fail("no \"" + key + "\""));
  }

  static Optional<String> equals(Result r, String pointer, String expected) {
    String actual = json(r).map(j -> j.at(pointer)).map(v -> v.isMissingNode() ? "(missing)" : v.asString(v.toString())).orElse("(not JSON)");
    return actual.equals(expected) ? ok() : fail(pointer + " is " + actual + ", not " + expected);
  }

  static Optional<String> count(Result r, String pointer, int atLeast) {
    int n = json(r).map(j -> j.at(pointer)).filter(JsonNode::isArray).map(JsonNode::size).orElse(-1);
    boolean fits = atLeast == 0 ? n == 0 : n >= atLeast;
    return fits ? ok() : fail(pointer + " has " + n + " entries");
  }

  static boolean errorJson(Result r) {
    return json(r).map(j -> j.has("error") && j.has("error_type")).orElse(false);
  }

  static Optional<String> called(BenchCase.MockLog log, String path) {
    return log.posts(path).isEmpty() ? fail("the mock got no POST to " + path) : ok();
  }

  static Optional<String> calledAny(BenchCase.MockLog log, String... paths) {
    for (String path : paths) {
      if (!log.posts(path).isEmpty()) {
        return ok();
      }
    }
    return fail("the mock got no LLM request");
  }

  static Optional<String> bodyContains(BenchCase.MockLog log, String path, String text) {
    return log.posts(path).stream().anyMatch(request -> request.path("body").asString().contains(text)) ? ok()
        : fail("no request to " + path + " contained " + text);
  }

  /** NDJSON; every line an object with a type; non-empty text deltas; a final event marked done. */
  static Optional<String> streamed(Result r) {
    List<JsonNode> events = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(JSON.readTree(line));
      } catch (JacksonException e) {
        return fail("a stream line is not JSON: " + line);
      }
    }
    if (events.isEmpty() || events.stream().anyMatch(e -> !e.has("type"))) {
      return fail("no events, or an event without a type");
    }
    StringBuilder text = new StringBuilder();
    events.stream().filter(e -> e.path("delta").isString()).forEach(e -> text.append(e.path("delta").asString()));
    if (text.isEmpty()) {
      return fail("no text deltas");
    }
    return events.getLast().path("done").asBoolean(false) ? ok() : fail("the last event is not marked done");
  }

  static Optional<String> events(Result r) {
    String[] lines = r.stdout().strip().split("\n");
    if (lines.length < 3) {
      return fail("only " + lines.length + " events");
    }
    for (String line : lines) {
      try {
        if (!JSON.readTree(line).has("type")) {
          return fail("an event without a type");
        }
      } catch (JacksonException e) {
        return fail("an event is not JSON");
      }
    }
    return r.stdout().contains("\"session_start\"") && r.stdout().contains("\"session_end\"") ? ok() : fail("no session_start or session_end");
  }

  static Optional<String> conditionalEdges(Result r) {
    long fromCheck = json(r).map(j -> j.path("edges")).stream().flatMap(edges -> java.util.stream.StreamSupport.stream(edges.spliterator(), false))
        .filter(e -> e.path("from").asString().equals("check") && !e.path("condition").asString("").isEmpty()).count();
    return fromCheck >= 2 ? ok() : fail(fromCheck + " conditional edges from check");
  }

  /** A diagnostic of {@code severity} (any, when empty) whose text mentions {@code word}. */
  static Optional<String> diagnostic(Result r, String severity, String word) {
    boolean found = json(r).map(j -> j.path("diagnostics")).stream().flatMap(d -> java.util.stream.StreamSupport.stream(d.spliterator(), false))
        .anyMatch(d -> (severity.isEmpty() || d.path("severity").asString().equals(severity)) && d.toString().toLowerCase().contains(word));
    return found ? ok() : fail("no " + (severity.isEmpty() ? "" : severity + " ") + "diagnostic mentioning " + word);
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }

  private static void writeQuietly(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
