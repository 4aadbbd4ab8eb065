package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.TestServer.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Submitting, listing and inspecting runs; every invalid input and unknown id gets a JSON error. */
class PipelineRoutesTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static String finishedRun;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    finishedRun = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "started_by", "alice"));
    server.awaitStatus(finishedRun, "success");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void submitReturnsTheIdAndWhereToWatch() {
    Response response = server.post("/pipelines", Map.of("dot", TestServer.pipeline("linear.dot")));
    assertThat(response.status()).isEqualTo(201);
    String id = response.json().path("id").asString();
    assertThat(id).matches("\\d{8}-\\d{6}-[0-9a-f]{6}");
    assertThat(response.header("Location")).isEqualTo("/pipelines/" + id);
    assertThat(response.json().path("events").asString()).isEqualTo("/pipelines/" + id + "/events");
    server.awaitStatus(id, "success");
  }

  @Test
  void finishedRunShowsStagesDecisionsAndDuration() {
    JsonNode detail = server.get("/pipelines/" + finishedRun).json();
    JsonNode run = detail.path("run");
    assertThat(run.path("status").asString()).isEqualTo("success");
    assertThat(run.path("name").asString()).isEqualTo("Linear");
    assertThat(run.path("goal").asString()).isEqualTo("Write a haiku");
    assertThat(run.path("started_by").asString()).isEqualTo("alice");
    assertThat(run.path("backend").asString()).isEqualTo("simulation");
    assertThat(run.has("finished_at")).isTrue();
    assertThat(run.has("usage")).as("the simulation backend reports no usage, so none is shown").isFalse();
    assertThat(detail.path("stages")).extracting(s -> s.path("node_id").asString()).contains("start", "plan", "implement");
    assertThat(detail.path("node_status").path("plan").asString()).isEqualTo("success");
    assertThat(detail.path("decisions")).isNotEmpty();
    assertThat(detail.path("decisions").get(0).path("from").asString()).isEqualTo("start");
    assertThat(detail.path("event_count").asLong()).isPositive();
  }

  @Test
  void goalAndVariablesAreApplied() {
    String id = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "goal", "Write a sonnet", "variables", Map.of("ticket", "DF-7")));
    server.awaitStatus(id, "success");
    assertThat(server.get("/pipelines/" + id).json().path("run").path("goal").asString()).isEqualTo("Write a sonnet");
    assertThat(server.get("/pipelines/" + id + "/stages/plan/prompt").body()).contains("Write a sonnet");
    JsonNode context = server.get("/pipelines/" + id + "/context").json();
    assertThat(context.path("context").path("ticket").asString()).isEqualTo("DF-7");
  }

  @Test
  void listsRunsNewestFirstAndFiltersByStatus() {
    JsonNode all = server.get("/pipelines").json().path("runs");
    assertThat(all).isNotEmpty();
    assertThat(all).extracting(r -> r.path("id").asString()).contains(finishedRun);
    JsonNode successes = server.get("/pipelines?status=success").json().path("runs");
    assertThat(successes).allSatisfy(r -> assertThat(r.path("status").asString()).isEqualTo("success"));
    assertThat(server.get("/pipelines?status=stopped&limit=5").status()).isEqualTo(200);
  }

  @Test
  void listRejectsUnknownStatusAndBadLimit() {
    assertThat(server.get("/pipelines?status=bogus").errorCode()).isEqualTo("bad_request");
    assertThat(server.get("/pipelines?limit=0").status()).isEqualTo(400);
    assertThat(server.get("/pipelines?limit=x").status()).isEqualTo(400);
  }

  @Test
  void invalidPipelineIsA400WithDiagnosticsAgainstLines() {
    Response response = server.post("/pipelines", Map.of("dot", TestServer.pipeline("invalid.dot")));
    assertThat(response.status()).isEqualTo(400);
    JsonNode error = response.json().path("error");
    assertThat(error.path("code").asString()).isEqualTo("invalid_pipeline");
    assertThat(error.path("diagnostics")).isNotEmpty();
    assertThat(error.path("diagnostics")).anySatisfy(d -> assertThat(d.path("severity").asString()).isEqualTo("error"));
  }

  @Test
  void syntaxErrorIsA400WithItsPosition() {
    Response response = server.post("/pipelines", Map.of("dot", "digraph X {\n  a -> \n}"));
    assertThat(response.status()).isEqualTo(400);
    JsonNode diagnostic = response.json().path("error").path("diagnostics").get(0);
    assertThat(diagnostic.path("rule").asString()).isEqualTo("dot_syntax");
    assertThat(diagnostic.path("line").asInt()).isPositive();
  }

  @Test
  void badBodiesAreRejected() {
    assertThat(server.post("/pipelines", "not json").errorCode()).isEqualTo("bad_request");
    assertThat(server.post("/pipelines", "{}").json().path("error").path("message").asString()).contains("\"dot\" is required");
    assertThat(server.post("/pipelines", Map.of("dot", "x", "bogus", 1)).json().path("error").path("message").asString()).contains("unknown field \"bogus\"");
    assertThat(server.post("/pipelines", Map.of("dot", TestServer.pipeline("linear.dot"), "backend", "gpt")).json().path("error").path("message").asString())
        .contains("unknown backend");
    assertThat(server.post("/pipelines", Map.of("dot", TestServer.pipeline("linear.dot"), "variables", Map.of("bad key", "v"))).status()).isEqualTo(400);
    assertThat(server.post("/pipelines", Map.of("dot", TestServer.pipeline("linear.dot"), "budgets", Map.of("max_tokens", -1))).status()).isEqualTo(400);
    assertThat(server.post("/pipelines", Map.of("dot", TestServer.pipeline("linear.dot"), "started_by", "<script>")).status()).isEqualTo(400);
    assertThat(server.post("/pipelines", Map.of("dot", TestServer.pipeline("linear.dot"), "backend", "scripted")).json().path("error").path("message").asString())
        .contains("needs \"script\"");
    Response wrongType = server.send(server.request("/pipelines").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"dot\":\"x\"}")).build());
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.errorCode()).isEqualTo("unsupported_media_type");
  }

  @Test
  void scriptedBackendFollowsItsScript() {
    String id = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "backend", "scripted",
        "script", Map.of("nodes", Map.of("implement", java.util.List.of(Map.of("outcome", "fail", "failure_reason", "tests red"))))));
    JsonNode detail = server.await(id, run -> !run.path("run").path("status").asString().equals("running"), "the end");
    assertThat(detail.path("run").path("backend").asString()).isEqualTo("scripted");
    assertThat(detail.path("node_status").path("implement").asString()).isEqualTo("fail");
    assertThat(detail.path("stages")).anySatisfy(s -> assertThat(s.path("error").asString()).isEqualTo("tests red"));
    assertThat(detail.path("decisions")).anySatisfy(d -> {
      assertThat(d.path("from").asString()).isEqualTo("implement");
      assertThat(d.path("outcome").asString()).isEqualTo("fail");
    });
  }

  @Test
  void oversizedBodyIsA413() {
    String big = "digraph X { a [prompt=\"" + "x".repeat(1_100_000) + "\"] }";
    Response response = server.post("/pipelines", Map.of("dot", big));
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("payload_too_large");
  }

  @RepeatedTest(5)
  void oversizedBodyIsA413EvenWhenTheClientSendsItWithoutWaiting() {
    // The client writes the whole body at once; the server must answer 413, not reset the connection mid-upload.
    String big = "digraph X { a [prompt=\"" + "x".repeat(3_000_000) + "\"] }";
    Response response = server.post("/pipelines", Map.of("dot", big));
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("payload_too_large");
  }

  @Test
  void aClientThatWaitsForContinueGetsThe413WithoutSendingTheBody() {
    String huge = "{\"dot\":\"" + "x".repeat(30_000_000) + "\"}";
    Response response = server.send(server.request("/pipelines").expectContinue(true).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(huge)).build());
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("payload_too_large");
  }

  @Test
  void unknownAndMalformedIdsAre404s() {
    for (String path : new String[] {"/pipelines/20990101-000000-abcdef", "/pipelines/..%2F..%2Fetc", "/pipelines/UPPER",
        "/pipelines/20990101-000000-abcdef/graph", "/pipelines/20990101-000000-abcdef/checkpoint", "/pipelines/20990101-000000-abcdef/context",
        "/pipelines/20990101-000000-abcdef/questions", "/pipelines/20990101-000000-abcdef/stages/plan/prompt", "/no/such/endpoint"}) {
      Response response = server.get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.errorCode()).as(path).isEqualTo("not_found");
    }
    assertThat(server.post("/pipelines/20990101-000000-abcdef/cancel", "{}").status()).isEqualTo(404);
    assertThat(server.post("/pipelines/20990101-000000-abcdef/resume", "{}").status()).isEqualTo(404);
  }

  @Test
  void aRunThatPassedOverAFailedStageEndsSuccessWithFailuresNamingTheStage() {
    String id = server.submit(Map.of("dot", """
        digraph Publish {
          start   [shape=Mdiamond]
          publish [shape=parallelogram, tool_command="exit 1"]
          done    [shape=Msquare]
          start -> publish -> done
        }
        """));
    JsonNode detail = server.awaitStatus(id, "success_with_failures");
    JsonNode run = detail.path("run");
    assertThat(run.path("error").asString()).isEqualTo("the run reached its exit but passed over a failed stage: publish");
    assertThat(run.path("resumable").asBoolean()).isFalse();
    assertThat(run.has("finished_at")).isTrue();
    assertThat(detail.path("node_status").path("publish").asString()).isEqualTo("fail");
    JsonNode filtered = server.get("/pipelines?status=success_with_failures").json().path("runs");
    assertThat(filtered).extracting(r -> r.path("id").asString()).contains(id);
    assertThat(filtered).allSatisfy(r -> assertThat(r.path("status").asString()).isEqualTo("success_with_failures"));
    assertThat(server.get("/pipelines?status=success").json().path("runs")).extracting(r -> r.path("id").asString()).doesNotContain(id);
    assertThat(server.post("/pipelines/" + id + "/resume", "{}").errorCode()).isEqualTo("conflict");
  }

  @Test
  void cancelEndsTheStageInFlightAsStoppedInTheDetailAndTheEvents() {
    String id = server.submit(Map.of("dot", """
        digraph Slow {
          start [shape=Mdiamond]
          work  [shape=parallelogram, tool_command="sleep 60"]
          done  [shape=Msquare]
          start -> work -> done
        }
        """));
    server.await(id, run -> run.path("stages").findValuesAsString("status").contains("running")
        && run.path("current_node").asString().equals("work"), "work running");
    assertThat(server.post("/pipelines/" + id + "/cancel", "{}").status()).isEqualTo(202);
    JsonNode stopped = server.awaitStatus(id, "stopped");
    assertThat(stopped.path("stages")).filteredOn(s -> s.path("node_id").asString().equals("work")).singleElement().satisfies(work -> {
      assertThat(work.path("status").asString()).isEqualTo("stopped");
      assertThat(work.path("notes").asString()).isEqualTo("cancelled from the server");
    });
    assertThat(stopped.path("node_status").path("work").asString()).isEqualTo("stopped");
    assertThat(stopped.has("current_node")).isFalse();
    try (dev.darkfactory.server.SseTestClient events = dev.darkfactory.server.SseTestClient.open(server, "/pipelines/" + id + "/events", null)) {
      assertThat(events.untilEnd()).filteredOn(e -> e.data().contains("\"type\":\"StageStopped\"")).singleElement()
          .satisfies(e -> assertThat(e.data()).contains("\"node_id\":\"work\"", "\"reason\":\"cancelled\""));
    }
    assertThat(server.post("/pipelines/" + id + "/resume", "{}").status()).isEqualTo(202);
    server.await(id, run -> run.path("current_node").asString().equals("work"), "work running again");
    server.post("/pipelines/" + id + "/cancel", "{}");
    server.awaitStatus(id, "stopped");
  }

  @Test
  void cancellingOrResumingAFinishedRunIsAConflict() {
    assertThat(server.post("/pipelines/" + finishedRun + "/cancel", "{}").errorCode()).isEqualTo("conflict");
    assertThat(server.post("/pipelines/" + finishedRun + "/resume", "{}").errorCode()).isEqualTo("conflict");
  }

  @Test
  void checkpointAndContextOfAFinishedRun() {
    JsonNode checkpoint = server.get("/pipelines/" + finishedRun + "/checkpoint").json();
    assertThat(checkpoint.path("completed_nodes")).isNotEmpty();
    assertThat(checkpoint.path("status").asString()).isEqualTo("success");
    JsonNode context = server.get("/pipelines/" + finishedRun + "/context").json();
    assertThat(context.path("context").isObject()).isTrue();
    assertThat(context.path("run_id").asString()).isEqualTo(finishedRun);
  }

  @Test
  void stageArtifactsAreServedAndConfined() {
    assertThat(server.get("/pipelines/" + finishedRun + "/stages/plan/prompt").body()).contains("Plan");
    assertThat(server.get("/pipelines/" + finishedRun + "/stages/plan/response").status()).isEqualTo(200);
    assertThat(server.get("/pipelines/" + finishedRun + "/stages/plan/status").json().path("outcome").asString()).isEqualTo("success");
    JsonNode files = server.get("/pipelines/" + finishedRun + "/stages/plan").json().path("files");
    assertThat(files).extracting(f -> f.path("name").asString()).contains("prompt.md", "status.json");
    assertThat(server.get("/pipelines/" + finishedRun + "/stages/plan/files/prompt.md").status()).isEqualTo(200);
    assertThat(server.get("/pipelines/" + finishedRun + "/stages/plan/secrets").status()).isEqualTo(404);
    assertThat(server.get("/pipelines/" + finishedRun + "/stages/plan/files/..%2F..%2Fserver-run.json").status()).isEqualTo(404);
    assertThat(server.get("/pipelines/" + finishedRun + "/stages/..%2F..%2F/prompt").status()).isEqualTo(404);
    assertThat(server.get("/pipelines/" + finishedRun + "/stages/nosuchnode/prompt").status()).isEqualTo(404);
    assertThat(server.get("/pipelines/" + finishedRun + "/stages").json().path("stages")).isNotEmpty();
  }

  @Test
  void graphIsAnSvgColouredByStatus() {
    Response svg = server.get("/pipelines/" + finishedRun + "/graph");
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.body()).contains("<svg").contains(StatusColors.fill("success"));
    Response dot = server.get("/pipelines/" + finishedRun + "/graph?format=dot");
    assertThat(dot.body()).contains("digraph").contains(StatusColors.fill("success"));
    assertThat(server.get("/pipelines/" + finishedRun + "/graph?format=png").status()).isEqualTo(400);
  }

  @Test
  void validateReportsDiagnosticsWithoutRunning() {
    JsonNode ok = server.post("/validate", Map.of("dot", TestServer.pipeline("linear.dot"))).json();
    assertThat(ok.path("valid").asBoolean()).isTrue();
    assertThat(ok.path("node_count").asInt()).isEqualTo(4);
    JsonNode bad = server.post("/validate", Map.of("dot", TestServer.pipeline("invalid.dot"))).json();
    assertThat(bad.path("valid").asBoolean()).isFalse();
    assertThat(bad.path("diagnostics").get(0).has("line")).isTrue();
    JsonNode syntax = server.post("/validate", Map.of("dot", "digraph {")).json();
    assertThat(syntax.path("valid").asBoolean()).isFalse();
    assertThat(server.post("/validate", "{}").status()).isEqualTo(400);
  }

  @Test
  void openApiAndInfoAreServed() {
    JsonNode openapi = server.get("/openapi.json").json();
    assertThat(openapi.path("openapi").asString()).startsWith("3.");
    JsonNode info = server.get("/api/info").json();
    assertThat(info.path("backends").get(0).asString()).isEqualTo("simulation");
    assertThat(info.path("index").asString()).isEqualTo("sqlite");
    assertThat(info.path("auth_required").asBoolean()).isFalse();
  }

  @Test
  void errorsAreJsonNeverHtml() {
    Response response = server.send(server.request("/pipelines").method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(response.status()).isIn(404, 405);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.body()).startsWith("{\"error\"").doesNotContain("<html").doesNotContain("Exception");
  }
}
