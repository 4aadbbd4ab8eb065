package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.server.ServerConfig;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.SseTestClient;
import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.run.EngineExecutor;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token: required for a non-loopback bind, checked on every request, SSE stream and static file. */
class AccessGuardTest {
  static final String TOKEN = "s3cret-token-0123456789abcdef";
  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.startWithToken(dataDir, TOKEN, b -> {});
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aPublicBindWithoutATokenIsRefused() {
    for (String host : new String[] {"0.0.0.0", "::", "192.0.2.10", "example.invalid"}) {
      assertThatThrownBy(() -> ServerConfig.newBuilder(dataDir, new EngineExecutor(dataDir)).host(host).build())
          .as(host).isInstanceOf(ServerException.ConfigurationInvalid.class).hasMessageContaining("--token");
    }
    ServerConfig withToken = ServerConfig.newBuilder(dataDir, new EngineExecutor(dataDir)).host("0.0.0.0").token(Optional.of(TOKEN)).build();
    assertThat(withToken.authRequired()).isTrue();
    assertThat(ServerConfig.newBuilder(dataDir, new EngineExecutor(dataDir)).host("localhost").build().authRequired()).isFalse();
    assertThatThrownBy(() -> ServerConfig.newBuilder(dataDir, new EngineExecutor(dataDir)).token(Optional.of("short")).build())
        .isInstanceOf(ServerException.ConfigurationInvalid.class);
  }

  @Test
  void everyKindOfRequestNeedsTheToken() {
    for (String path : new String[] {"/pipelines", "/questions", "/openapi.json", "/", "/index.html", "/app.css", "/pipelines/20990101-000000-abcdef"}) {
      var response = server.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.errorCode()).as(path).isEqualTo("unauthorized");
    }
    var post = server.send(HttpRequest.newBuilder(URI.create(server.url("/pipelines"))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"dot\":\"x\"}")).build());
    assertThat(post.status()).isEqualTo(401);
    var sse = server.send(HttpRequest.newBuilder(URI.create(server.url("/pipelines/20990101-000000-abcdef/events")))
        .header("Accept", "text/event-stream").GET().build());
    assertThat(sse.status()).isEqualTo(401);
  }

  @Test
  void aWrongTokenIsRefused() {
    var response = server.send(HttpRequest.newBuilder(URI.create(server.url("/pipelines"))).header("Authorization", "Bearer " + TOKEN + "x").GET().build());
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("error").path("message").asString()).contains("not valid");
    var cookie = server.send(HttpRequest.newBuilder(URI.create(server.url("/pipelines"))).header("Cookie", "factory_token=nope").GET().build());
    assertThat(cookie.status()).isEqualTo(401);
  }

  @Test
  void theBearerTokenOpensTheApiAndTheEventStream() {
    String id = server.submit(TestServer.pipeline("linear.dot"));
    server.awaitStatus(id, "success");
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events", null)) {
      assertThat(client.status).isEqualTo(200);
      assertThat(client.untilEnd().getLast().type()).isEqualTo("end");
    }
  }

  @Test
  void theLoginLinkSetsAnHttpOnlyCookieAndDropsTheTokenFromTheAddress() {
    var login = server.send(HttpRequest.newBuilder(URI.create(server.url("/?token=" + TOKEN))).GET().build());
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).isEqualTo("/");
    String setCookie = login.header("Set-Cookie");
    assertThat(setCookie).contains("factory_token=" + TOKEN).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    var page = server.send(HttpRequest.newBuilder(URI.create(server.url("/"))).header("Cookie", "factory_token=" + TOKEN).GET().build());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<html");
    var bad = server.send(HttpRequest.newBuilder(URI.create(server.url("/?token=wrong"))).GET().build());
    assertThat(bad.status()).isEqualTo(401);
  }

  @Test
  void infoSaysAuthIsRequired() {
    assertThat(server.get("/api/info").json().path("auth_required").asBoolean()).isTrue();
    assertThat(server.post("/validate", Map.of("dot", "digraph X {}")).status()).isEqualTo(200);
  }
}
