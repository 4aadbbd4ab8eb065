package dev.darkfactory.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Runs survive a server restart: finished ones stay browsable, in-flight ones resume or show as interrupted. */
class RestartRecoveryTest {
  @TempDir Path dataDir;

  @Test
  void finishedRunsStayBrowsableAndInFlightRunsResumeFromTheirCheckpoint() {
    String finished;
    String waiting;
    try (TestServer first = TestServer.start(dataDir)) {
      finished = first.submit(TestServer.pipeline("linear.dot"));
      first.awaitStatus(finished, "success");
      waiting = first.submit(TestServer.pipeline("quickstart.dot"));
      first.awaitQuestion(waiting);
    }
    try (TestServer second = TestServer.start(dataDir)) {
      assertThat(second.events).as(second.get("/pipelines/" + waiting).body()).anySatisfy(e -> assertThat(e).isEqualTo(new ServerEvent.RunRecovered(waiting, true, "resumed from its checkpoint")));
      JsonNode old = second.get("/pipelines/" + finished).json();
      assertThat(old.path("run").path("status").asString()).isEqualTo("success");
      assertThat(old.path("node_status").path("implement").asString()).isEqualTo("success");
      assertThat(second.get("/pipelines/" + finished + "/graph").status()).isEqualTo(200);
      assertThat(second.get("/pipelines/" + finished + "/stages/plan/prompt").status()).isEqualTo(200);

      String qid = second.awaitQuestion(waiting).path("id").asString();
      second.post("/pipelines/" + waiting + "/questions/" + qid + "/answer", Map.of("value", "A"));
      JsonNode done = second.awaitStatus(waiting, "success");
      assertThat(done.path("stages")).filteredOn(s -> s.path("node_id").asString().equals("plan"))
          .singleElement().satisfies(s -> assertThat(s.path("attempts").asInt()).as("completed work is not redone").isEqualTo(1));
      try (SseTestClient client = SseTestClient.open(second, "/pipelines/" + waiting + "/events", null)) {
        var events = client.untilEnd();
        for (int i = 0; i < events.size() - 1; i++) {
          assertThat(events.get(i).id()).isEqualTo(i + 1);
        }
        assertThat(events).filteredOn(e -> e.data().contains("\"type\":\"PipelineStarted\"")).hasSize(2);
      }
    }
  }

  @Test
  void aCrashedServersRunsResumeFromTheirLastCheckpoint(@TempDir Path crashed) throws Exception {
    String waiting;
    try (TestServer first = TestServer.start(dataDir)) {
      waiting = first.submit(TestServer.pipeline("quickstart.dot"));
      first.awaitQuestion(waiting);
      // A crash leaves the files as they are at this instant: copy them while the run is live.
      copyTree(dataDir, crashed);
    }
    try (TestServer second = TestServer.start(crashed)) {
      assertThat(second.events).contains(new ServerEvent.RunRecovered(waiting, true, "resumed from its checkpoint"));
      String qid = second.awaitQuestion(waiting).path("id").asString();
      second.post("/pipelines/" + waiting + "/questions/" + qid + "/answer", Map.of("value", "A"));
      second.awaitStatus(waiting, "success");
    }
  }

  /**
   * The state a kill between the engine's manifest.json and its first checkpoint leaves: the
   * server's own files, the manifest (still running) and the graph copy; nothing else.
   */
  private static void leaveOnlyTheManifest(Path run) throws java.io.IOException {
    Path manifestFile = run.resolve("manifest.json");
    tools.jackson.databind.node.ObjectNode manifest =
        (tools.jackson.databind.node.ObjectNode) dev.darkfactory.pipeline.state.JsonValues.parse(java.nio.file.Files.readString(manifestFile));
    manifest.put("status", "running");
    manifest.remove("finished_at");
    java.util.Set<String> kept = java.util.Set.of("source.dot", "server-run.json", "pipeline.dot");
    try (var paths = java.nio.file.Files.walk(run)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!path.equals(run) && !kept.contains(path.getFileName().toString())) {
          java.nio.file.Files.delete(path);
        }
      }
    }
    java.nio.file.Files.writeString(manifestFile, dev.darkfactory.pipeline.state.JsonValues.pretty(manifest));
  }

  @Test
  void aRunKilledBeforeItsFirstCheckpointCanBeResumedByHandFromTheStart() throws Exception {
    String waiting;
    try (TestServer first = TestServer.start(dataDir)) {
      waiting = first.submit(TestServer.pipeline("quickstart.dot"));
      first.awaitQuestion(waiting);
    }
    leaveOnlyTheManifest(dataDir.resolve("runs").resolve(waiting));
    try (TestServer second = TestServer.start(dataDir, b -> b.resumeOnStart(false))) {
      JsonNode run = second.get("/pipelines/" + waiting).json().path("run");
      assertThat(run.path("status").asString()).isEqualTo("interrupted");
      assertThat(run.path("resumable").asBoolean()).as(run.toString()).isTrue();
      assertThat(second.post("/pipelines/" + waiting + "/resume", "{}").status()).isEqualTo(202);
      String qid = second.awaitQuestion(waiting).path("id").asString();
      second.post("/pipelines/" + waiting + "/questions/" + qid + "/answer", Map.of("value", "A"));
      JsonNode done = second.awaitStatus(waiting, "success");
      assertThat(done.path("stages")).extracting(s -> s.path("node_id").asString()).containsExactly("start", "plan", "implement", "review", "exit");
    }
  }

  @Test
  void aRunKilledBeforeItsFirstCheckpointIsResumedFromTheStartWhenTheServerComesBack() throws Exception {
    String waiting;
    try (TestServer first = TestServer.start(dataDir)) {
      waiting = first.submit(TestServer.pipeline("quickstart.dot"));
      first.awaitQuestion(waiting);
    }
    leaveOnlyTheManifest(dataDir.resolve("runs").resolve(waiting));
    try (TestServer second = TestServer.start(dataDir)) {
      assertThat(second.events).contains(new ServerEvent.RunRecovered(waiting, true, "resumed from the start (it had no checkpoint yet)"));
      String qid = second.awaitQuestion(waiting).path("id").asString();
      second.post("/pipelines/" + waiting + "/questions/" + qid + "/answer", Map.of("value", "A"));
      JsonNode done = second.awaitStatus(waiting, "success");
      assertThat(done.path("run").path("id").asString()).isEqualTo(waiting);
      assertThat(java.nio.file.Files.exists(dataDir.resolve("runs").resolve(waiting).resolve("checkpoint.json"))).isTrue();
    }
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var paths = java.nio.file.Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (java.nio.file.Files.isDirectory(path)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void withResumeOnStartOffInFlightRunsAreMarkedInterruptedAndCanBeResumedByHand() {
    String waiting;
    try (TestServer first = TestServer.start(dataDir)) {
      waiting = first.submit(TestServer.pipeline("quickstart.dot"));
      first.awaitQuestion(waiting);
    }
    try (TestServer second = TestServer.start(dataDir, b -> b.resumeOnStart(false))) {
      JsonNode run = second.get("/pipelines/" + waiting).json().path("run");
      assertThat(run.path("status").asString()).isEqualTo("interrupted");
      assertThat(run.path("resumable").asBoolean()).isTrue();
      assertThat(run.path("error").asString()).contains("server restart");
      assertThat(second.get("/pipelines?status=interrupted").json().path("runs")).hasSize(1);
      assertThat(second.post("/pipelines/" + waiting + "/resume", "{}").status()).isEqualTo(202);
      assertThat(second.post("/pipelines/" + waiting + "/resume", "{}").errorCode()).isEqualTo("conflict");
      String qid = second.awaitQuestion(waiting).path("id").asString();
      second.post("/pipelines/" + waiting + "/questions/" + qid + "/answer", Map.of("value", "A"));
      second.awaitStatus(waiting, "success");
    }
  }
}
