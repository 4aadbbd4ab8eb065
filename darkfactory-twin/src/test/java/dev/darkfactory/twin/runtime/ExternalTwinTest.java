package dev.darkfactory.twin.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.twin.DocumentException;
import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.TwinStartException;
import dev.darkfactory.twin.control.TwinStatus;
import dev.darkfactory.twin.document.DocumentFormat;
import dev.darkfactory.twin.document.JsonDocument;
import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.fixture.ExternalNotes;
import dev.darkfactory.twin.fixture.Http;
import dev.darkfactory.twin.journal.JournalEntry;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** External twins: a real process (a JVM running {@link ExternalNotes}) behind the gateway. */
class ExternalTwinTest {

  private final List<TwinServer> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(TwinServer::close);
  }

  private TwinServer start(ExternalTwin.Builder twin) {
    return start(twin, TwinOptions.DEFAULT);
  }

  private TwinServer start(ExternalTwin.Builder twin, TwinOptions options) {
    TwinServer server = TwinServer.start(twin.build(), options);
    started.add(server);
    return server;
  }

  static ExternalTwin.Builder notes(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        classpath(), ExternalNotes.class.getName()));
    command.addAll(List.of(args));
    return ExternalTwin.command("ext-notes", command).startTimeout(Duration.ofSeconds(60));
  }

  private static String classpath() {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : List.of(ExternalNotes.class, tools.jackson.databind.json.JsonMapper.class,
        tools.jackson.core.JsonParser.class, com.fasterxml.jackson.annotation.JsonProperty.class)) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  @Test
  void requestsReachTheProcessWithTheirNamespaceAndAreJournaled() {
    TwinServer twin = start(notes());
    Http http = new Http(twin.baseUrl());

    Http.Answer created = http.post("/notes", "alice", "{\"text\":\"hi\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("namespace").asString()).isEqualTo(Namespace.ofCredential("alice").id());
    assertThat(created.header("X-Twin")).isEqualTo("ext-notes");
    assertThat(http.get("/notes", "bob").json().path("data")).isEmpty();
    JournalEntry.Exchange entry = twin.journal().exchanges().get(0);
    assertThat(entry.status()).isEqualTo(201);
    assertThat(entry.requestHeaders().get("authorization")).containsExactly("Bearer [REDACTED]");
    assertThat(twin.pid()).isPresent();
  }

  @Test
  void resetSeedAndSnapshotAreForwardedToTheTwinsOwnEndpoints() {
    TwinServer twin = start(notes());
    Http http = new Http(twin.baseUrl());
    http.post("/notes", "alice", "{\"text\":\"a\"}");

    http.post("/__twin/seed?namespace=bob", null, "{\"notes\": [{\"id\": \"note_seeded\", \"text\": \"b\"}]}");
    JsonNode all = http.get("/__twin/snapshot", null).json();

    assertThat(all.path("namespaces").path(Namespace.ofCredential("alice").id()).path("notes")).hasSize(1);
    assertThat(http.get("/notes", "bob").json().path("data").get(0).path("id").asString()).isEqualTo("note_seeded");
    http.post("/__twin/reset?namespace=alice", null, "");
    assertThat(http.get("/notes", "alice").json().path("data")).isEmpty();
    assertThat(http.get("/notes", "bob").json().path("data")).hasSize(1);
  }

  @Test
  void aSeedTheTwinRefusesIsReportedAtTheValuesPosition() {
    TwinServer twin = start(notes());
    JsonDocument seed = JsonDocument.parse("seed.yaml", "namespaces:\n  alice:\n    notes:\n      - id: task_1\n",
        DocumentFormat.YAML);

    assertThatThrownBy(() -> twin.control().seed(seed)).isInstanceOf(DocumentException.class)
        .hasMessage("seed.yaml:4:13: expected a note id starting with note_");
  }

  @Test
  void theClockAndIdSeedAreForwarded() {
    TwinServer twin = start(notes(), TwinOptions.newBuilder().clock(Instant.parse("2026-02-02T00:00:00Z")).idSeed(5).build());
    Http http = new Http(twin.baseUrl());

    JsonNode note = http.post("/notes", "alice", "{}").json();
    twin.control().advanceClock(Duration.ofHours(1));

    assertThat(note.path("created").asLong()).isEqualTo(Instant.parse("2026-02-02T00:00:00Z").getEpochSecond());
    assertThat(note.path("id").asString()).isEqualTo("note_5001");
    assertThat(http.post("/notes", "alice", "{}").json().path("created").asLong())
        .isEqualTo(Instant.parse("2026-02-02T01:00:00Z").getEpochSecond());
  }

  @Test
  void theGatewayInjectsFaultsBeforeTheProcessSeesTheRequest() {
    TwinServer twin = start(notes());
    twin.faults().add(FaultRule.newBuilder().route("POST /notes").fault(Fault.status(503)).build());
    Http http = new Http(twin.baseUrl());

    Http.Answer answer = http.post("/notes", "alice", "{}");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.json().path("error").path("status").asInt()).isEqualTo(503);
    twin.faults().clear();
    assertThat(http.get("/notes", "alice").json().path("data")).isEmpty();
  }

  @Test
  void aCrashIsReportedAndNotHiddenByARestart() {
    TwinServer twin = start(notes());
    Http http = new Http(twin.baseUrl());
    long pid = twin.pid().orElseThrow();
    http.post("/notes", "alice", "{}");

    assertThat(http.post("/exit", "alice", "").status()).isIn(502, 503); // the gateway answers for the process that died
    await().atMost(Duration.ofSeconds(30)).until(() -> twin.status().state() == TwinStatus.State.CRASHED);

    assertThat(twin.status().detail()).contains("exited with code 3").contains("exiting on request");
    assertThat(twin.journal().entries()).anySatisfy(entry -> assertThat(entry).isInstanceOfSatisfying(JournalEntry.Lifecycle.class,
        lifecycle -> assertThat(lifecycle.event()).isEqualTo(JournalEntry.Event.CRASHED)));
    Http.Answer after = http.get("/notes", "alice");
    assertThat(after.status()).isEqualTo(503);
    assertThat(after.header("X-Twin-Status")).isEqualTo("crashed");
    assertThat(after.body()).contains("does not restart it");
    assertThat(http.get("/__twin/health", null).status()).isEqualTo(503);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void aCommandThatExitsIsAClearErrorWithItsOutput() {
    ExternalTwin.Builder exits = ExternalTwin.command("quitter", List.of("sh", "-c", "echo cannot bind >&2; exit 3"));

    assertThatThrownBy(() -> start(exits))
        .isInstanceOfSatisfying(TwinStartException.class, e -> assertThat(e.reason()).isEqualTo(TwinStartException.Reason.EXITED))
        .hasMessageContaining("Twin 'quitter' did not start")
        .hasMessageContaining("exited with code 3")
        .hasMessageContaining("cannot bind");
  }

  @Test
  void aCommandThatNeverBecomesHealthyIsStoppedAndReported(@TempDir Path dir) throws Exception {
    Path pidFile = dir.resolve("pid");
    ExternalTwin.Builder silent = ExternalTwin.command("sleeper", List.of("sh", "-c", "echo $$ > " + pidFile + "; exec sleep 60"))
        .startTimeout(Duration.ofMillis(800));

    assertThatThrownBy(() -> start(silent))
        .isInstanceOfSatisfying(TwinStartException.class, e -> assertThat(e.reason()).isEqualTo(TwinStartException.Reason.NOT_HEALTHY))
        .hasMessageContaining("Twin 'sleeper'")
        .hasMessageContaining("not ready within 800 ms")
        .hasMessageContaining("/__twin/health");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  @Test
  void aCommandThatCannotBeFoundIsALaunchFailure() {
    assertThatThrownBy(() -> start(ExternalTwin.command("ghost", List.of("no-such-twin-binary"))))
        .isInstanceOfSatisfying(TwinStartException.class,
            e -> assertThat(e.reason()).isEqualTo(TwinStartException.Reason.LAUNCH_FAILED))
        .hasMessageContaining("'no-such-twin-binary' is not on the PATH");
    assertThatThrownBy(() -> start(ExternalTwin.command("ghost", List.of("/nonexistent/twin"))))
        .hasMessageContaining("/nonexistent/twin does not exist");
  }

  @Test
  void stoppingATwinStopsEveryProcessItStarted(@TempDir Path dir) throws Exception {
    Path pidFile = dir.resolve("child.pid");
    TwinServer twin = start(notes("--child", pidFile.toString()));
    long child = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);

    twin.close();

    await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    assertThat(ProcessHandle.of(twin.pid().orElseThrow()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void theProcessGetsAMinimalEnvironmentPlusWhatItWasGiven() {
    TwinServer twin = start(notes().environment(Map.of("NOTES_MODE", "strict")).readiness(Readiness.tcp()));

    JsonNode env = new Http(twin.baseUrl()).get("/env", "alice").json();

    Set<String> allowed = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR", "TZ", "JAVA_HOME", "SYSTEMROOT",
        "TWIN_PORT", "PORT", "TWIN_NAME", "NOTES_MODE");
    List<String> names = new ArrayList<>();
    env.path("names").forEach(name -> names.add(name.asString()));
    assertThat(allowed).containsAll(names);
    assertThat(env.path("mode").asString()).isEqualTo("strict");
  }
}
