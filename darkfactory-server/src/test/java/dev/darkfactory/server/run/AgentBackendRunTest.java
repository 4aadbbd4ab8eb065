package dev.darkfactory.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Environment;
import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.api.WireJson;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Runs submitted through the API on the agent backend, against the LLM twin: agents work, spend shows. */
class AgentBackendRunTest {
  @TempDir Path data;
  @TempDir Path repo;

  @Test
  void agentIsOfferedAndChosenByDefaultWhenAProviderIsConfigured() {
    try (FakeProviderServer twin = FakeProviderServer.start()) {
      EngineExecutor executor = new EngineExecutor(repo, anthropicOnly(twin));
      assertThat(executor.backends()).first().isEqualTo("agent");
    }
    assertThat(new EngineExecutor(repo, Environment.of(Map.of())).backends()).containsExactly("simulation", "scripted");
  }

  @Test
  void anAgentRunEditsTheRepositoryAndReportsItsSpend() throws Exception {
    try (FakeProviderServer twin = FakeProviderServer.start();
        TestServer server = TestServer.start(data, new EngineExecutor(repo, anthropicOnly(twin)))) {
      twin.enqueue(Reply.text("").withToolCall("write_file", "{\"file_path\": \"PLAN.md\", \"content\": \"1. write the haiku\\n\"}")
          .withUsage(1000, 100));
      twin.enqueue(Reply.text("Planned.").withUsage(1200, 50));
      twin.enqueue(Reply.text("Implemented.").withUsage(800, 40));

      String id = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "backend", "agent"));
      JsonNode finished = server.awaitStatus(id, "success");

      assertThat(Files.readString(repo.resolve("PLAN.md"))).isEqualTo("1. write the haiku\n");
      assertThat(finished.path("run").path("backend").asString()).isEqualTo("agent");
      JsonNode usage = server.get("/pipelines/" + id).json().path("run").path("usage");
      assertThat(usage.path("total_tokens").asLong()).isEqualTo(1000 + 100 + 1200 + 50 + 800 + 40);
      assertThat(usage.path("cost_usd").asDouble()).isPositive();
      JsonNode plan = server.get("/pipelines/" + id).json().path("stages").valueStream()
          .filter(stage -> stage.path("node_id").asString().equals("plan")).findFirst().orElseThrow();
      assertThat(plan.path("usage").path("total_tokens").asLong()).isEqualTo(1000 + 100 + 1200 + 50);
    }
  }

  @Test
  void aStagesAgentEventsAreServedAndConfined() {
    try (FakeProviderServer twin = FakeProviderServer.start();
        TestServer server = TestServer.start(data, new EngineExecutor(repo, anthropicOnly(twin)))) {
      twin.enqueue(Reply.text("").withToolCall("write_file", "{\"file_path\": \"PLAN.md\", \"content\": \"1. write the haiku\\n\"}")
          .withUsage(1000, 100));
      twin.enqueue(Reply.text("Planned.").withUsage(1200, 50));
      twin.enqueue(Reply.text("Implemented.").withUsage(800, 40));
      String id = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "backend", "agent"));
      server.awaitStatus(id, "success");

      TestServer.Response events = server.get("/pipelines/" + id + "/stages/plan/agent-events");
      assertThat(events.status()).isEqualTo(200);
      assertThat(events.header("Content-Type")).startsWith("application/x-ndjson");
      assertThat(events.header("X-Content-Type-Options")).isEqualTo("nosniff");
      List<JsonNode> lines = events.body().lines().filter(line -> !line.isBlank()).map(line -> WireJson.mapper().readTree(line)).toList();
      assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.path("type").asString()).isNotEmpty());
      assertThat(lines).anySatisfy(line -> {
        assertThat(line.toString()).contains("write_file");
        assertThat(line.path("type").asString()).startsWith("tool_call");
      });
      assertThat(lines).anySatisfy(line -> assertThat(line.toString()).contains("Planned."));
      assertThat(server.get("/pipelines/" + id + "/stages/implement/agent-events").body()).contains("Implemented.");
      assertThat(server.get("/pipelines/" + id + "/stages/plan").json().path("files"))
          .anySatisfy(file -> assertThat(file.path("name").asString()).isEqualTo("agent-events.jsonl"));

      for (String path : new String[] {"/stages/nosuchnode/agent-events", "/stages/..%2F..%2F/agent-events", "/stages/..%2Fplan/agent-events",
          "/stages/plan%2F..%2F..%2F/agent-events", "/stages/%2Fetc/agent-events"}) {
        TestServer.Response response = server.get("/pipelines/" + id + path);
        assertThat(response.status()).as(path).isEqualTo(404);
        assertThat(response.errorCode()).as(path).isEqualTo("not_found");
      }
      assertThat(server.get("/pipelines/20990101-000000-abcdef/stages/plan/agent-events").errorCode()).isEqualTo("not_found");
    }
  }

  @Test
  void aTokenBudgetStopsTheRunResumably() {
    try (FakeProviderServer twin = FakeProviderServer.start();
        TestServer server = TestServer.start(data, new EngineExecutor(repo, anthropicOnly(twin)))) {
      twin.enqueue(Reply.text("Planned.").withUsage(5000, 500));
      String id = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "backend", "agent",
          "budgets", Map.of("max_tokens", 1000)));
      JsonNode stopped = server.awaitStatus(id, "stopped");
      assertThat(stopped.path("run").path("error").asString()).contains("token budget");
    }
  }

  private static Environment anthropicOnly(FakeProviderServer twin) {
    Map<String, String> variables = new LinkedHashMap<>();
    twin.environment().forEach((key, value) -> {
      if (key.startsWith("ANTHROPIC")) {
        variables.put(key, value);
      }
    });
    return Environment.of(variables);
  }
}
