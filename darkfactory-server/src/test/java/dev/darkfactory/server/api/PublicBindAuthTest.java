package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.SseTestClient;
import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.TestServer.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server bound to every interface ({@code 0.0.0.0}) with a token, reached over loopback: the API,
 * the SSE stream and the static UI all refuse a missing or wrong token with the JSON error, and
 * open with the right one.
 */
class PublicBindAuthTest {
  static final String TOKEN = "public-bind-token-0123456789";
  @TempDir static Path dataDir;
  static TestServer server;
  static String finishedRun;

  @BeforeAll
  static void start() {
    server = TestServer.startWithToken(dataDir, TOKEN, b -> b.host("0.0.0.0"));
    finishedRun = server.submit(TestServer.pipeline("linear.dot"));
    server.awaitStatus(finishedRun, "success");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private String[] paths() {
    return new String[] {"/pipelines", "/pipelines/" + finishedRun, "/pipelines/" + finishedRun + "/checkpoint", "/questions",
        "/api/info", "/openapi.json", "/", "/index.html", "/app.css"};
  }

  @Test
  void theServerListensOnEveryInterface() {
    assertThat(server.server.port()).isPositive();
    assertThat(server.events).anySatisfy(event -> assertThat(event.toString()).contains("0.0.0.0"));
  }

  @Test
  void withoutATokenEveryRequestIs401WithTheJsonError() {
    for (String path : paths()) {
      Response response = server.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.header("Content-Type")).as(path).startsWith("application/json");
      assertThat(response.errorCode()).as(path).isEqualTo("unauthorized");
    }
    Response sse = server.send(HttpRequest.newBuilder(URI.create(server.url("/pipelines/" + finishedRun + "/events")))
        .header("Accept", "text/event-stream").GET().build());
    assertThat(sse.status()).isEqualTo(401);
    assertThat(sse.errorCode()).isEqualTo("unauthorized");
    Response post = server.send(HttpRequest.newBuilder(URI.create(server.url("/pipelines"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"dot\":\"digraph X {}\"}")).build());
    assertThat(post.status()).isEqualTo(401);
    assertThat(post.errorCode()).isEqualTo("unauthorized");
  }

  @Test
  void aWrongTokenIsRefusedEverywhere() {
    for (String path : paths()) {
      Response bearer = server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
          .header("Authorization", "Bearer " + TOKEN.substring(1) + "x").GET().build());
      assertThat(bearer.status()).as(path).isEqualTo(401);
      assertThat(bearer.errorCode()).as(path).isEqualTo("unauthorized");
      assertThat(bearer.json().path("error").path("message").asString()).as(path).contains("not valid");
      Response cookie = server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
          .header("Cookie", "factory_token=" + TOKEN + "x").GET().build());
      assertThat(cookie.status()).as(path).isEqualTo(401);
      assertThat(cookie.errorCode()).as(path).isEqualTo("unauthorized");
    }
    Response sse = server.send(HttpRequest.newBuilder(URI.create(server.url("/pipelines/" + finishedRun + "/events")))
        .header("Accept", "text/event-stream").header("Authorization", "Bearer wrong-token-0123456789").GET().build());
    assertThat(sse.status()).isEqualTo(401);
    assertThat(sse.errorCode()).isEqualTo("unauthorized");
    Response login = server.send(HttpRequest.newBuilder(URI.create(server.url("/?token=wrong-token-0123456789"))).GET().build());
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.header("Set-Cookie")).isNull();
  }

  @Test
  void theRightTokenOpensTheApiTheStreamAndTheUi() {
    for (String path : paths()) {
      assertThat(server.get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(server.get("/").body()).contains("<html");
    assertThat(server.get("/api/info").json().path("auth_required").asBoolean()).isTrue();
    String id = server.submit(TestServer.pipeline("linear.dot"));
    assertThat(server.awaitStatus(id, "success").path("run").path("id").asString()).isEqualTo(id);
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events", null)) {
      assertThat(client.status).isEqualTo(200);
      assertThat(client.untilEnd().getLast().type()).isEqualTo("end");
    }
    Response cookie = server.send(HttpRequest.newBuilder(URI.create(server.url("/index.html")))
        .header("Cookie", "factory_token=" + TOKEN).GET().build());
    assertThat(cookie.status()).isEqualTo(200);
    assertThat(cookie.body()).contains("<html");
  }
}
