package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.SseTestClient;
import dev.darkfactory.server.SseTestClient.Event;
import dev.darkfactory.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSE with event ids and replay ({@code Last-Event-ID}) for late and reconnecting clients. */
class EventRoutesTest {
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

  @Test
  void aFinishedRunReplaysEveryEventWithSequentialIdsThenEnds() {
    String id = server.submit(TestServer.pipeline("linear.dot"));
    server.awaitStatus(id, "success");
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events", null)) {
      assertThat(client.status).isEqualTo(200);
      List<Event> events = client.untilEnd();
      Event end = events.getLast();
      assertThat(end.type()).isEqualTo("end");
      assertThat(end.data()).contains("\"status\":\"success\"");
      List<Event> data = events.subList(0, events.size() - 1);
      assertThat(data.getFirst().data()).contains("\"type\":\"PipelineStarted\"");
      assertThat(data.getLast().data()).contains("\"type\":\"PipelineCompleted\"");
      for (int i = 0; i < data.size(); i++) {
        assertThat(data.get(i).id()).isEqualTo(i + 1);
      }
      long lines = server.get("/pipelines/" + id).json().path("event_count").asLong();
      assertThat(data).hasSize((int) lines);
    }
  }

  @Test
  void lastEventIdReplaysOnlyWhatWasMissed() {
    String id = server.submit(TestServer.pipeline("linear.dot"));
    server.awaitStatus(id, "success");
    List<Event> all;
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events", null)) {
      all = client.untilEnd();
    }
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events", "3")) {
      List<Event> rest = client.untilEnd();
      assertThat(rest.getFirst().id()).isEqualTo(4);
      assertThat(rest.subList(0, rest.size() - 1)).containsExactlyElementsOf(all.subList(3, all.size() - 1));
    }
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events?last_event_id=" + (all.size() - 1), null)) {
      assertThat(client.next().type()).as("nothing missed: only the end").isEqualTo("end");
    }
  }

  @Test
  void aLiveSubscriberSeesTheGateThenTheRestWithoutGapsAfterReconnecting() {
    String id = server.submit(TestServer.pipeline("quickstart.dot"));
    long lastSeen;
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events", null)) {
      List<Event> seen = client.until("InterviewStarted");
      lastSeen = seen.getLast().id();
    }
    String qid = server.awaitQuestion(id).path("id").asString();
    server.post("/pipelines/" + id + "/questions/" + qid + "/answer", Map.of("value", "A"));
    server.awaitStatus(id, "success");
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events", Long.toString(lastSeen))) {
      List<Event> rest = client.untilEnd();
      assertThat(rest.getFirst().id()).isEqualTo(lastSeen + 1);
      assertThat(rest.getFirst().data()).doesNotContain("InterviewStarted");
      assertThat(rest).anySatisfy(e -> assertThat(e.data()).contains("InterviewCompleted"));
      assertThat(rest.get(rest.size() - 2).data()).contains("PipelineCompleted");
    }
  }

  @Test
  void manyLiveSubscribersAllReceiveTheSameEvents() {
    String id = server.submit(TestServer.pipeline("quickstart.dot"));
    server.awaitQuestion(id);
    List<SseTestClient> clients = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      clients.add(SseTestClient.open(server, "/pipelines/" + id + "/events", null));
    }
    String qid = server.awaitQuestion(id).path("id").asString();
    server.post("/pipelines/" + id + "/questions/" + qid + "/answer", Map.of("value", "A"));
    List<Event> reference = null;
    for (SseTestClient client : clients) {
      List<Event> events = client.untilEnd();
      client.close();
      if (reference == null) {
        reference = events;
      }
      assertThat(events).containsExactlyElementsOf(reference);
    }
    assertThat(reference.getLast().type()).isEqualTo("end");
    assertThat(reference.getLast().data()).as("the end event carries the final status").contains("\"status\":\"success\"");
  }

  @Test
  void withoutTheEventStreamAcceptHeaderIsA406AndUnknownRunsA404() {
    String id = server.submit(TestServer.pipeline("linear.dot"));
    assertThat(server.get("/pipelines/" + id + "/events").errorCode()).isEqualTo("not_acceptable");
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/20990101-000000-abcdef/events", null)) {
      assertThat(client.status).isEqualTo(404);
    }
    try (SseTestClient client = SseTestClient.open(server, "/pipelines/" + id + "/events", "minus-one")) {
      assertThat(client.status).isEqualTo(400);
    }
  }
}
