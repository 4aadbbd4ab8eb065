package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.TestServer.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a page on another site can send without a CORS preflight: an HTML form (url-encoded,
 * multipart or text/plain) or a {@code fetch} with a "simple" content type. None of them may
 * create, cancel, resume or answer anything, body or not; the run is untouched afterwards.
 */
class CrossSiteRequestTest {
  /** Each content type a cross-site form or simple request can carry, plus near misses of application/json. */
  static final String[] REFUSED = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
      "text/plain; charset=utf-8", "application/jsonfoo", "application/json-patch+json", "application/x-json", "text/json",
      "application/json, text/plain", "json"};

  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static java.util.List<String> runIds() {
    return server.get("/pipelines").json().path("runs").valueStream().map(r -> r.path("id").asString()).toList();
  }

  private static Response post(String path, String contentType, String body) {
    HttpRequest.Builder request = server.request(path);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return server.send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static void assertRefused(Response response, String what) {
    assertThat(response.status()).as(what + ": " + response).isEqualTo(415);
    assertThat(response.errorCode()).as(what).isEqualTo("unsupported_media_type");
    assertThat(response.json().path("error").path("message").asString()).as(what).contains("application/json");
  }

  @Test
  void aCrossSiteFormCannotCancelOrAnswerAWaitingRun() {
    String id = server.submit(TestServer.pipeline("quickstart.dot"));
    JsonNode question = server.awaitQuestion(id);
    String qid = question.path("id").asString();
    for (String type : REFUSED) {
      assertRefused(post("/pipelines/" + id + "/cancel", type, "x=1"), "cancel " + type);
      assertRefused(post("/pipelines/" + id + "/cancel", type, null), "cancel without a body " + type);
      assertRefused(post("/pipelines/" + id + "/questions/" + qid + "/answer", type, "{\"value\": \"A\"}"), "answer " + type);
    }
    assertRefused(post("/pipelines/" + id + "/cancel", null, null), "cancel without a content type");
    assertRefused(post("/pipelines/" + id + "/questions/" + qid + "/answer", null, "{\"value\": \"A\"}"), "answer without a content type");
    JsonNode detail = server.get("/pipelines/" + id).json();
    assertThat(detail.path("run").path("status").asString()).isEqualTo("running");
    assertThat(detail.path("questions")).extracting(q -> q.path("id").asString()).containsExactly(qid);

    assertThat(post("/pipelines/" + id + "/cancel", "application/json", null).status()).isEqualTo(202);
    server.awaitStatus(id, "stopped");
  }

  @Test
  void aCrossSiteFormCannotResumeAStoppedRun() {
    String id = server.submit(TestServer.pipeline("quickstart.dot"));
    server.awaitQuestion(id);
    assertThat(post("/pipelines/" + id + "/cancel", "application/json; charset=utf-8", "").status()).isEqualTo(202);
    server.awaitStatus(id, "stopped");
    for (String type : REFUSED) {
      assertRefused(post("/pipelines/" + id + "/resume", type, null), "resume " + type);
    }
    assertRefused(post("/pipelines/" + id + "/resume", null, null), "resume without a content type");
    assertThat(server.get("/pipelines/" + id).json().path("run").path("status").asString()).isEqualTo("stopped");
    assertThat(post("/pipelines/" + id + "/resume", "Application/JSON", null).status()).isEqualTo(202);
    server.awaitQuestion(id);
  }

  @Test
  void aCrossSiteFormCannotStartARun() {
    var before = runIds();
    String json = WireJson.mapper().writeValueAsString(Map.of("dot", TestServer.pipeline("linear.dot")));
    for (String type : REFUSED) {
      assertRefused(post("/pipelines", type, json), "create " + type);
      assertRefused(post("/validate", type, json), "validate " + type);
    }
    assertRefused(post("/pipelines", null, json), "create without a content type");
    assertThat(runIds()).isEqualTo(before);
  }

  @Test
  void everyJsonSpellingIsAccepted() {
    String json = WireJson.mapper().writeValueAsString(Map.of("dot", "digraph X {}"));
    for (String type : new String[] {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8", "APPLICATION/JSON",
        "application/json ; charset=utf-8"}) {
      assertThat(post("/validate", type, json).status()).as(type).isEqualTo(200);
    }
  }

  @Test
  void unknownEndpointsStayNotFoundWhateverTheContentType() {
    Response response = post("/no/such/endpoint", "text/plain", "x");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorCode()).isEqualTo("not_found");
  }
}
