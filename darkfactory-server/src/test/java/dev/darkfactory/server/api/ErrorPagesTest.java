package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.RawHttp;
import dev.darkfactory.server.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error is the documented JSON with the security headers, including those Jetty produces
 * before Javalin routes anything (malformed paths and headers, sent over a raw socket because
 * {@code HttpClient} normalises them), and the login redirect never leaves the origin.
 */
class ErrorPagesTest {
  static final String TOKEN = "error-pages-token-0123456789";
  @TempDir static Path dataDir;
  static TestServer server;
  static int port;
  static String host;

  @BeforeAll
  static void start() {
    server = TestServer.startWithToken(dataDir, TOKEN, b -> {});
    port = server.server.port();
    host = "127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertJsonErrorWithSecurityHeaders(RawHttp.Response response, int status, String what) {
    assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(what).startsWith("application/json");
    assertThat(response.body()).as(what).startsWith("{\"error\":{\"code\":").doesNotContain("<html").doesNotContain("Exception")
        .doesNotContain("at org.");
    assertThat(response.json().path("error").path("message").asString()).as(what).isNotBlank();
    assertSecurityHeaders(response.headers(), what);
  }

  static void assertSecurityHeaders(Map<String, String> headers, String what) {
    assertThat(headers.get("content-security-policy")).as(what + " CSP").isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
        .contains("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline")
        .doesNotContain("'unsafe-eval'");
    assertThat(headers.get("x-content-type-options")).as(what).isEqualTo("nosniff");
    assertThat(headers.get("x-frame-options")).as(what).isEqualTo("DENY");
    assertThat(headers.get("referrer-policy")).as(what).isEqualTo("no-referrer");
  }

  @Test
  void malformedPathsGetTheJsonErrorWithTheHeaders() {
    for (String path : new String[] {"/%00", "/pipelines/%00/x", "/..;/index.html", "/pipelines/..;/x", "/%c0%ae%c0%ae/index.html",
        "/%c0%afetc", "/a\\b", "/\\evil.example/", "/pipelines\\..\\x", "/%", "/%zz", "/a/../../etc/passwd"}) {
      RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1", List.of("Host: " + host, "Accept: text/html"), null);
      assertJsonErrorWithSecurityHeaders(response, 400, path);
      assertThat(response.errorCode()).as(path).isEqualTo("bad_request");
    }
  }

  @Test
  void malformedRequestsGetTheJsonErrorWithTheHeaders() {
    assertJsonErrorWithSecurityHeaders(RawHttp.send(port, "GET / HTTP/1.1", List.of("Host: " + host, "Bad Header"), null), 400, "bad header");
    assertJsonErrorWithSecurityHeaders(RawHttp.send(port, "GET / HTTP/1.1", List.of(), null), 400, "no Host on HTTP/1.1");
    assertJsonErrorWithSecurityHeaders(RawHttp.send(port, "DELETE /%00 HTTP/1.1", List.of("Host: " + host), null), 400, "DELETE /%00");
    assertJsonErrorWithSecurityHeaders(RawHttp.send(port, "GET /" + "a".repeat(20_000) + " HTTP/1.1", List.of("Host: " + host), null),
        414, "a path longer than Jetty's buffer");
  }

  @Test
  void routedErrorsHaveTheHeadersToo() {
    List<String> auth = List.of("Host: " + host, "Authorization: Bearer " + TOKEN);
    assertJsonErrorWithSecurityHeaders(RawHttp.send(port, "GET /pipelines HTTP/1.1", List.of("Host: " + host), null), 401, "no token");
    assertJsonErrorWithSecurityHeaders(RawHttp.send(port, "GET /no/such/page HTTP/1.1", auth, null), 404, "unknown page");
    assertJsonErrorWithSecurityHeaders(RawHttp.send(port, "GET /api/info HTTP/1.1", List.of("Host: evil.example"), null), 403, "foreign host");
    List<String> text = new java.util.ArrayList<>(auth);
    text.add("Content-Type: text/plain");
    assertJsonErrorWithSecurityHeaders(RawHttp.send(port, "POST /validate HTTP/1.1", text, "{}"), 415, "text/plain");
  }

  @Test
  void everyPageAndFileCarriesTheContentSecurityPolicy() {
    List<String> auth = List.of("Host: " + host, "Authorization: Bearer " + TOKEN);
    for (String path : new String[] {"/", "/index.html", "/app.css", "/js/app.js", "/vendor/viz-global.js", "/favicon.svg", "/openapi.json", "/api/info"}) {
      RawHttp.Response response = RawHttp.send(port, "GET " + path + " HTTP/1.1", auth, null);
      assertThat(response.status()).as(path).isEqualTo(200);
      assertSecurityHeaders(response.headers(), path);
    }
    assertThat(RawHttp.send(port, "GET / HTTP/1.1", auth, null).body()).as("no inline script or style in the page")
        .doesNotContain("<script>").doesNotContain("style=").doesNotContainPattern("<script(?![^>]*\\bsrc=)");
  }

  @Test
  void theLoginLinkNeverRedirectsOffTheOrigin() {
    for (String path : new String[] {"//evil.example/", "//evil.example", "///evil.example/", "//evil.example/%2e%2e", "/%2F%2Fevil.example/",
        "/%5C%5Cevil.example/", "//127.0.0.1@evil.example/"}) {
      RawHttp.Response response = RawHttp.get(port, path + "?token=" + TOKEN, host);
      String what = "GET " + path + "?token=VALID";
      if (response.status() == 400) {
        assertJsonErrorWithSecurityHeaders(response, 400, what);
        continue;
      }
      assertThat(response.status()).as(what + ": " + response).isEqualTo(302);
      String location = response.header("Location");
      assertThat(location).as(what).startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\").doesNotContain("://")
          .doesNotContain("\\");
      assertThat(URI.create("http://" + host + "/").resolve(location).getHost()).as(what).isEqualTo("127.0.0.1");
      assertSecurityHeaders(response.headers(), what);
    }
    RawHttp.Response ordinary = RawHttp.get(port, "/index.html?token=" + TOKEN, host);
    assertThat(ordinary.header("Location")).isEqualTo("/index.html");
  }

  @Test
  void httpClientErrorsAreJsonToo() {
    var response = server.send(HttpRequest.newBuilder(URI.create(server.url("/no/such/endpoint"))).GET().build());
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
  }
}
