package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.server.RawHttp;
import dev.darkfactory.server.ServerConfig;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.run.EngineExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding and cross-origin requests, sent as the attack sends them: a page on evil.example
 * rebinds its name to 127.0.0.1, so the browser connects to the server but says {@code Host:
 * evil.example} and {@code Origin: http://evil.example}.
 */
class DnsRebindingTest {
  @TempDir static Path dataDir;
  static TestServer server;
  static int port;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, b -> b.allowedHosts(List.of("factory.example.com")));
    port = server.server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> runIds() {
    return server.get("/pipelines").json().path("runs").valueStream().map(r -> r.path("id").asString()).toList();
  }

  @Test
  void aForeignHostIsRefusedOnEveryKindOfRequest() {
    for (String host : new String[] {"evil.example", "evil.example:" + port, "localhost.evil.example:" + port, "127.0.0.1.evil.example",
        "127.0.0.2:" + port, "[::2]:" + port, "evil.example:" + port + "@127.0.0.1", "local host", "[::1"}) {
      for (String path : new String[] {"/api/info", "/", "/index.html", "/js/app.js", "/pipelines", "/no/such/page", "/openapi.json"}) {
        RawHttp.Response response = RawHttp.get(port, path, host);
        assertThat(response.status()).as(host + " " + path).isIn(400, 403);
        if (response.status() == 403) {
          assertThat(response.errorCode()).as(host + " " + path).isEqualTo("forbidden");
          assertThat(response.body()).doesNotContain("<html");
        }
        assertThat(response.header("Content-Security-Policy")).as(host + " " + path).isNotNull();
      }
    }
  }

  @Test
  void aRebindingPageCannotStartARun() {
    List<String> before = runIds();
    String dot = TestServer.pipeline("linear.dot").replace("\"", "\\\"").replace("\n", "\\n");
    RawHttp.Response response = RawHttp.send(port, "POST /pipelines HTTP/1.1",
        RawHttp.jsonHeaders("evil.example:" + port, "Origin: http://evil.example:" + port), "{\"dot\": \"" + dot + "\"}");
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo("forbidden");
    assertThat(response.json().path("error").path("message").asString()).contains("--allowed-host");
    assertThat(runIds()).isEqualTo(before);
  }

  @Test
  void theEventStreamOfAForeignHostIsRefused() {
    String id = server.submit(TestServer.pipeline("linear.dot"));
    server.awaitStatus(id, "success");
    RawHttp.Response response = RawHttp.send(port, "GET /pipelines/" + id + "/events HTTP/1.1",
        List.of("Host: evil.example:" + port, "Accept: text/event-stream"), null);
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void theLoopbackNamesAndConfiguredNamesAreAnswered() {
    for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port,
        "[0:0:0:0:0:0:0:1]:" + port, "localhost:8080", "factory.example.com", "Factory.Example.Com:443"}) {
      RawHttp.Response response = RawHttp.get(port, "/api/info", host);
      assertThat(response.status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void aForeignOriginCannotChangeAnything() {
    String host = "127.0.0.1:" + port;
    List<String> before = runIds();
    for (String origin : new String[] {"http://evil.example", "https://evil.example", "http://evil.example:" + port, "null",
        "http://127.0.0.1:1", "http://localhost:" + port, "file://", "http://127.0.0.1:" + port + "/path"}) {
      RawHttp.Response submit = RawHttp.send(port, "POST /pipelines HTTP/1.1", RawHttp.jsonHeaders(host, "Origin: " + origin),
          "{\"dot\": \"digraph X { start [shape=Mdiamond]; exit [shape=Msquare]; start -> exit }\"}");
      assertThat(submit.status()).as(origin).isEqualTo(403);
      assertThat(submit.errorCode()).as(origin).isEqualTo("forbidden");
      RawHttp.Response validate = RawHttp.send(port, "POST /validate HTTP/1.1", RawHttp.jsonHeaders(host, "Origin: " + origin), "{\"dot\": \"digraph X {}\"}");
      assertThat(validate.status()).as(origin).isEqualTo(403);
    }
    assertThat(runIds()).isEqualTo(before);
  }

  @Test
  void theServersOwnOriginAConfiguredOneAndNoOriginAreAccepted() {
    String body = "{\"dot\": \"digraph X {}\"}";
    String host = "127.0.0.1:" + port;
    assertThat(RawHttp.send(port, "POST /validate HTTP/1.1", RawHttp.jsonHeaders(host, "Origin: http://" + host), body).status()).isEqualTo(200);
    assertThat(RawHttp.send(port, "POST /validate HTTP/1.1", RawHttp.jsonHeaders("localhost:" + port, "Origin: http://localhost:" + port), body)
        .status()).isEqualTo(200);
    // Behind a TLS proxy that keeps the Host: the origin's default port is the Host's.
    assertThat(RawHttp.send(port, "POST /validate HTTP/1.1", RawHttp.jsonHeaders("factory.example.com", "Origin: https://factory.example.com"), body)
        .status()).isEqualTo(200);
    // Behind a proxy that rewrites the Host to the loopback address: the configured name is trusted.
    assertThat(RawHttp.send(port, "POST /validate HTTP/1.1", RawHttp.jsonHeaders(host, "Origin: https://factory.example.com"), body)
        .status()).isEqualTo(200);
    // Scripts and curl send no Origin; browsers always do on a POST.
    assertThat(RawHttp.send(port, "POST /validate HTTP/1.1", RawHttp.jsonHeaders(host), body).status()).isEqualTo(200);
  }

  @Test
  void readsWithAForeignOriginButTheRightHostAreAnswered() {
    // A cross-origin GET cannot read the answer (no CORS headers), and changes nothing.
    RawHttp.Response response = RawHttp.send(port, "GET /api/info HTTP/1.1", List.of("Host: 127.0.0.1:" + port, "Origin: http://evil.example"), null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aPublicBindAnswersItsOwnAddressAndConfiguredNamesOnly(@TempDir Path otherData) {
    String token = "public-token-0123456789abcdef";
    try (TestServer open = TestServer.startWithToken(otherData, token, b -> b.host("0.0.0.0").allowedHosts(List.of("factory.lan")))) {
      int openPort = open.server.port();
      List<String> auth = List.of("Authorization: Bearer " + token);
      for (String host : new String[] {"127.0.0.1:" + openPort, "localhost:" + openPort, "factory.lan:" + openPort, "0.0.0.0:" + openPort}) {
        List<String> headers = new java.util.ArrayList<>(auth);
        headers.add("Host: " + host);
        assertThat(RawHttp.send(openPort, "GET /api/info HTTP/1.1", headers, null).status()).as(host).isEqualTo(200);
      }
      List<String> evil = new java.util.ArrayList<>(auth);
      evil.add("Host: evil.example:" + openPort);
      assertThat(RawHttp.send(openPort, "GET /api/info HTTP/1.1", evil, null).status()).isEqualTo(403);
    }
  }

  @Test
  void allowedHostsMustBePlainNames() {
    for (String bad : new String[] {"http://factory.example.com", "factory.example.com:8080", "*", "*.example.com", "factory.example.com/x", ""}) {
      assertThatThrownBy(() -> ServerConfig.newBuilder(dataDir, new EngineExecutor(dataDir)).allowedHosts(List.of(bad)).build())
          .as(bad).isInstanceOf(ServerException.ConfigurationInvalid.class).hasMessageContaining("--allowed-host");
    }
    ServerConfig ok = ServerConfig.newBuilder(dataDir, new EngineExecutor(dataDir)).allowedHosts(List.of("Factory.Example.COM", "[::1]", "10.0.0.7")).build();
    assertThat(ok.allowedHosts()).containsExactly("factory.example.com", "::1", "10.0.0.7");
  }

  @Test
  void aRequestWithoutHostIsRefused() {
    RawHttp.Response response = RawHttp.send(port, "GET /api/info HTTP/1.0", List.of(), null);
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo("forbidden");
  }
}
