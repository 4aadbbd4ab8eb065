package dev.darkfactory.twin.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.twin.PortInUseException;
import dev.darkfactory.twin.fixture.Http;
import dev.darkfactory.twin.fixture.NotesTwin;
import dev.darkfactory.twin.fixture.RawHttp;
import dev.darkfactory.twin.journal.JournalEntry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinServerTest {

  private TwinServer twin;
  private Http http;

  @BeforeEach
  void start() {
    twin = TwinServer.start(new NotesTwin());
    http = new Http(twin.baseUrl());
  }

  @AfterEach
  void stop() {
    twin.close();
  }

  @Test
  void servesTheTwinsRoutesOnLoopback() {
    Http.Answer created = http.post("/notes", "alice", "{\"text\":\"hi\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("text").asString()).isEqualTo("hi");
    assertThat(created.header("X-Twin")).isEqualTo("notes");
    String id = created.json().path("id").asString();
    assertThat(http.get("/notes/" + id, "alice").json().path("text").asString()).isEqualTo("hi");
    assertThat(twin.baseUrl().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void eachCredentialIsItsOwnNamespace() {
    String id = http.post("/notes", "alice", "{\"text\":\"alice's\"}").json().path("id").asString();

    assertThat(http.get("/notes/" + id, "bob").status()).isEqualTo(404);
    assertThat(http.get("/notes", "bob").json().path("data")).isEmpty();
    assertThat(http.get("/notes", "alice").json().path("data")).hasSize(1);
  }

  @Test
  void aMissingCredentialGetsTheTwinsOwn401() {
    Http.Answer answer = http.get("/notes", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().path("error").path("code").asString()).isEqualTo("unauthorized");
  }

  @Test
  void anUnknownRouteGetsTheTwinsOwn404() {
    Http.Answer answer = http.get("/nothing/here", "alice");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().path("error").path("code").asString()).isEqualTo("no_route");
    assertThat(twin.journal().exchanges().getLast().route()).isEmpty();
  }

  @Test
  void aHandlerThatThrowsAnswersTheVendors500AndTheJournalSaysWhy() {
    Http.Answer answer = http.post("/boom", "alice", "{}");

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.json().path("error").path("code").asString()).isEqualTo("http_500");
    JournalEntry.Exchange entry = twin.journal().exchanges().getLast();
    assertThat(entry.error()).hasValueSatisfying(error -> assertThat(error).contains("the handler broke"));
  }

  @Test
  void aPortInUseIsAClearErrorNamingTheTwin() {
    TwinOptions samePort = TwinOptions.newBuilder().port(twin.port()).build();

    assertThatThrownBy(() -> TwinServer.start(new NotesTwin(), samePort))
        .isInstanceOf(PortInUseException.class)
        .hasMessageContaining("Twin 'notes'")
        .hasMessageContaining(":" + twin.port())
        .hasMessageContaining("port is in use");
  }

  @Test
  void aRequestWithAForeignHostIsRefused() {
    String answer = RawHttp.exchange(twin.port(),
        "GET /notes HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer alice\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 403").contains("not this twin");
  }

  @Test
  void theControlPlaneRefusesWebPagesOfOtherOrigins() {
    http.post("/notes", "alice", "{\"text\":\"keep me\"}");
    HttpRequest crossSite = HttpRequest.newBuilder(twin.baseUrl().resolve("/__twin/reset"))
        .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build();

    Http.Answer answer = http.send(crossSite);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(http.get("/notes", "alice").json().path("data")).hasSize(1);
  }

  @Test
  void theJournalRecordsEachExchangeWithNamespaceLatencyAndRoute() {
    http.post("/notes", "alice", "{\"text\":\"hi\"}");

    JournalEntry.Exchange entry = twin.journal().exchanges().getLast();
    assertThat(entry.method()).isEqualTo("POST");
    assertThat(entry.route()).isEqualTo("POST /notes");
    assertThat(entry.status()).isEqualTo(201);
    assertThat(entry.namespace()).isEqualTo(dev.darkfactory.twin.Namespace.ofCredential("alice").id());
    assertThat(entry.latencyMicros()).isPositive();
    assertThat(entry.requestHeaders().get("authorization")).containsExactly("Bearer [REDACTED]");
    assertThat(entry.responseBody()).contains("\"text\":\"hi\"");
  }

  @Test
  void faultAndSeedFilesAreLoadedAtStart(@TempDir Path dir) throws Exception {
    Path faults = Files.writeString(dir.resolve("faults.yaml"), "- route: GET /notes/*\n  fault: {status: 503}\n");
    Path seed = Files.writeString(dir.resolve("seed.json"), "{\"namespaces\": {\"alice\": {\"notes\": [{\"id\": \"note_1\"}]}}}");

    try (TwinServer configured = TwinServer.start(new NotesTwin(), TwinOptions.newBuilder().faultFiles(List.of(faults))
        .seedFiles(List.of(seed)).build())) {
      Http client = new Http(configured.baseUrl());
      assertThat(client.get("/notes", "alice").json().path("data")).hasSize(1);
      assertThat(client.get("/notes/note_1", "alice").status()).isEqualTo(503);
    }
  }

  @Test
  void aBadFaultFileStartsNothing(@TempDir Path dir) throws Exception {
    Path faults = Files.writeString(dir.resolve("faults.yaml"), "- route: GET /notes\n  nth: two\n  fault: reset\n");
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    TwinOptions options = TwinOptions.newBuilder().port(port).faultFiles(List.of(faults)).build();

    assertThatThrownBy(() -> TwinServer.start(new NotesTwin(), options))
        .isInstanceOf(dev.darkfactory.twin.DocumentException.class)
        .hasMessage(faults + ":2:8: expected a whole number, found the string 'two'");
    try (java.net.ServerSocket free = new java.net.ServerSocket(port)) {
      assertThat(free.getLocalPort()).isEqualTo(port); // nothing was left listening
    }
  }

  @Test
  void closingStopsServing() {
    URI base = twin.baseUrl();
    twin.close();

    assertThatThrownBy(() -> new Http(base).get("/notes", "alice")).isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(twin.status().state()).isEqualTo(dev.darkfactory.twin.control.TwinStatus.State.STOPPED);
  }
}
