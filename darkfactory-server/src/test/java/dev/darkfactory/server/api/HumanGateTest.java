package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.server.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Human gates answered over HTTP (attractor-spec.md 6, 9.5), per run and through {@code GET /questions}. */
class HumanGateTest {
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
  void aGateWaitsThenTheAnswerRoutesTheRun() {
    String id = server.submit(TestServer.pipeline("quickstart.dot"));
    JsonNode question = server.awaitQuestion(id);
    assertThat(question.path("stage").asString()).isEqualTo("review");
    assertThat(question.path("type").asString()).isEqualTo("MULTIPLE_CHOICE");
    assertThat(question.path("options")).extracting(o -> o.path("key").asString()).containsExactly("A", "F");
    assertThat(server.get("/pipelines/" + id).json().path("node_status").path("review").asString()).isEqualTo("waiting");
    assertThat(server.get("/pipelines/" + id).json().path("run").path("pending_questions").asInt()).isEqualTo(1);

    JsonNode global = server.get("/questions").json().path("questions");
    assertThat(global).anySatisfy(q -> {
      assertThat(q.path("run_id").asString()).isEqualTo(id);
      assertThat(q.path("id").asString()).isEqualTo(question.path("id").asString());
    });

    String qid = question.path("id").asString();
    var answered = server.post("/pipelines/" + id + "/questions/" + qid + "/answer", Map.of("value", "A"));
    assertThat(answered.status()).isEqualTo(202);
    JsonNode done = server.awaitStatus(id, "success");
    assertThat(done.path("node_status").path("review").asString()).isEqualTo("success");
    assertThat(done.path("decisions")).anySatisfy(d -> {
      assertThat(d.path("from").asString()).isEqualTo("review");
      assertThat(d.path("to").asString()).isEqualTo("exit");
    });
    assertThat(server.post("/pipelines/" + id + "/questions/" + qid + "/answer", Map.of("value", "A")).errorCode()).isEqualTo("conflict");
  }

  @Test
  void answersAreValidatedAgainstTheQuestion() {
    String id = server.submit(TestServer.pipeline("quickstart.dot"));
    String qid = server.awaitQuestion(id).path("id").asString();
    String path = "/pipelines/" + id + "/questions/" + qid + "/answer";
    assertThat(server.post(path, Map.of("value", "Z")).json().path("error").path("message").asString()).contains("not one of the options (A, F)");
    assertThat(server.post(path, Map.of("value", "A", "text", "both")).status()).isEqualTo(400);
    assertThat(server.post(path, "{}").status()).isEqualTo(400);
    assertThat(server.post(path, Map.of("verdict", "A")).status()).isEqualTo(400);
    assertThat(server.post("/pipelines/" + id + "/questions/no-such-question/answer", Map.of("value", "A")).errorCode()).isEqualTo("not_found");
    assertThat(server.post("/pipelines/" + id + "/questions/bad%20id!/answer", Map.of("value", "A")).status()).isEqualTo(404);
    // A label works as well as a key; "Fix" sends the run back to implement, which asks again.
    assertThat(server.post(path, Map.of("text", "Fix")).status()).isEqualTo(202);
    String again = server.await(id, run -> !run.path("questions").isEmpty() && !run.path("questions").get(0).path("id").asString().equals(qid),
        "a second question").path("questions").get(0).path("id").asString();
    assertThat(server.post("/pipelines/" + id + "/questions/" + again + "/answer", Map.of("value", "approve")).status()).isEqualTo(202);
    assertThat(server.awaitStatus(id, "success").path("stages")).anySatisfy(s -> {
      assertThat(s.path("node_id").asString()).isEqualTo("implement");
      assertThat(s.path("attempts").asInt()).isEqualTo(2);
    });
  }

  @Test
  void checkpointAndContextOfARunWaitingAtTheGateShowItsCurrentState() {
    String id = server.submit(Map.of("dot", TestServer.pipeline("quickstart.dot"), "variables", Map.of("ticket", "DF-9")));
    String qid = server.awaitQuestion(id).path("id").asString();
    assertThat(server.get("/pipelines/" + id).json().path("run").path("status").asString()).isEqualTo("running");

    TestServer.Response checkpointResponse = server.get("/pipelines/" + id + "/checkpoint");
    assertThat(checkpointResponse.status()).isEqualTo(200);
    assertThat(checkpointResponse.header("Content-Type")).startsWith("application/json");
    JsonNode checkpoint = checkpointResponse.json();
    assertThat(checkpoint.path("completed_nodes")).extracting(JsonNode::asString).contains("start", "plan", "implement").doesNotContain("review");
    assertThat(checkpoint.path("status").asString()).isEqualTo("running");
    assertThat(checkpoint.path("current_node").asString()).isEqualTo("implement");
    assertThat(checkpoint.path("next").path("node").asString()).isEqualTo("review");
    assertThat(checkpoint.path("node_outcomes").has("review")).isFalse();

    JsonNode context = server.get("/pipelines/" + id + "/context").json();
    assertThat(context.path("run_id").asString()).isEqualTo(id);
    assertThat(context.path("context").path("ticket").asString()).isEqualTo("DF-9");
    assertThat(context.path("context").path("last_stage").asString()).isEqualTo("implement");
    assertThat(context.path("as_of").asString()).isEqualTo(checkpoint.path("timestamp").asString());
    assertThat(context.path("current_node").asString()).isEqualTo(checkpoint.path("current_node").asString());

    assertThat(server.post("/pipelines/" + id + "/questions/" + qid + "/answer", Map.of("value", "A")).status()).isEqualTo(202);
    server.awaitStatus(id, "success");
    JsonNode finished = server.get("/pipelines/" + id + "/checkpoint").json();
    assertThat(finished.path("completed_nodes")).extracting(JsonNode::asString).contains("review");
    assertThat(finished.path("status").asString()).isEqualTo("success");
  }

  @Test
  void answeringAQuestionOfAnUnknownRunIs404() {
    for (String run : new String[] {"20990101-000000-abcdef", "not-a-run-id", "..%2F..%2Fetc"}) {
      TestServer.Response response = server.post("/pipelines/" + run + "/questions/q-1/answer", Map.of("value", "A"));
      assertThat(response.status()).as(run).isEqualTo(404);
      assertThat(response.header("Content-Type")).as(run).startsWith("application/json");
      assertThat(response.errorCode()).as(run).isEqualTo("not_found");
    }
    // An existing run with a question does not make another run's id valid.
    String id = server.submit(TestServer.pipeline("quickstart.dot"));
    String qid = server.awaitQuestion(id).path("id").asString();
    TestServer.Response other = server.post("/pipelines/20990101-000000-abcdef/questions/" + qid + "/answer", Map.of("value", "A"));
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.errorCode()).isEqualTo("not_found");
    assertThat(server.get("/pipelines/" + id).json().path("questions")).hasSize(1);
    assertThat(server.post("/pipelines/" + id + "/questions/" + qid + "/answer", Map.of("value", "A")).status()).isEqualTo(202);
    server.awaitStatus(id, "success");
  }

  @Test
  void cancelWithdrawsTheQuestionAndStopsResumably() {
    String id = server.submit(TestServer.pipeline("quickstart.dot"));
    String qid = server.awaitQuestion(id).path("id").asString();
    assertThat(server.post("/pipelines/" + id + "/cancel", "{}").status()).isEqualTo(202);
    JsonNode stopped = server.awaitStatus(id, "stopped");
    assertThat(stopped.path("run").path("resumable").asBoolean()).isTrue();
    assertThat(stopped.path("questions")).isEmpty();
    assertThat(stopped.path("stages")).filteredOn(s -> s.path("node_id").asString().equals("review")).singleElement()
        .satisfies(s -> assertThat(s.path("status").asString()).as("the gate in flight ends with the run").isEqualTo("stopped"));
    assertThat(stopped.path("node_status").path("review").asString()).isEqualTo("stopped");
    assertThat(server.get("/questions").json().path("questions")).noneSatisfy(q -> assertThat(q.path("id").asString()).isEqualTo(qid));
    assertThat(server.post("/pipelines/" + id + "/questions/" + qid + "/answer", Map.of("value", "A")).errorCode()).isEqualTo("conflict");

    assertThat(server.post("/pipelines/" + id + "/resume", "{}").status()).isEqualTo(202);
    String resumedQuestion = server.awaitQuestion(id).path("id").asString();
    assertThat(server.post("/pipelines/" + id + "/questions/" + resumedQuestion + "/answer", Map.of("value", "A")).status()).isEqualTo(202);
    server.awaitStatus(id, "success");
  }
}
