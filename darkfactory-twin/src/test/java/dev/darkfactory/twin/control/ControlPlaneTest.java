package dev.darkfactory.twin.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.fixture.Http;
import dev.darkfactory.twin.fixture.NotesTwin;
import dev.darkfactory.twin.journal.JournalLimits;
import dev.darkfactory.twin.runtime.TwinOptions;
import dev.darkfactory.twin.runtime.TwinServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HTTP control plane, driven as a user's script or the CLI would drive it. */
class ControlPlaneTest {

  private TwinServer twin;
  private Http http;

  private void start(TwinOptions options) {
    twin = TwinServer.start(new NotesTwin(), options);
    http = new Http(twin.baseUrl());
  }

  @AfterEach
  void stop() {
    if (twin != null) {
      twin.close();
    }
  }

  @Test
  void resetEmptiesOneNamespaceOrAll() {
    start(TwinOptions.DEFAULT);
    http.post("/notes", "alice", "{\"text\":\"a\"}");
    http.post("/notes", "bob", "{\"text\":\"b\"}");

    Http.Answer one = http.post("/__twin/reset?namespace=alice", null, "");

    assertThat(one.json().path("reset").asString()).isEqualTo(Namespace.ofCredential("alice").id());
    assertThat(notes("alice")).isEmpty();
    assertThat(notes("bob")).hasSize(1);
    http.post("/__twin/reset", null, "");
    assertThat(notes("bob")).isEmpty();
  }

  @Test
  void seedLoadsOneNamespaceFromJsonOrYaml() {
    start(TwinOptions.DEFAULT);

    http.post("/__twin/seed?namespace=alice", null, "{\"notes\": [{\"id\": \"note_1\", \"text\": \"seeded\"}]}");
    http.send("POST", "/__twin/seed?namespace=bob", null, "notes:\n  - id: note_2\n    text: from yaml\n", "application/yaml");

    assertThat(http.get("/notes/note_1", "alice").json().path("text").asString()).isEqualTo("seeded");
    assertThat(http.get("/notes/note_2", "bob").json().path("text").asString()).isEqualTo("from yaml");
    assertThat(http.get("/notes/note_1", "bob").status()).isEqualTo(404);
  }

  @Test
  void seedOfEveryNamespaceSetsClockAndIdSeedToo() {
    start(TwinOptions.DEFAULT);

    Http.Answer answer = http.post("/__twin/seed", null, """
        {"twin": "notes", "idSeed": 7, "clock": "2026-03-01T12:00:00Z",
         "namespaces": {"alice": {"notes": [{"id": "note_a", "text": "hi"}]}}}""");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(notes("alice")).hasSize(1);
    assertThat(http.get("/__twin/clock", null).json().path("now").asString()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(http.get("/__twin/ids", null).json().path("seed").asLong()).isEqualTo(7);
  }

  @Test
  void aSeedThatDoesNotParseIsRefusedWithItsLineAndColumn() {
    start(TwinOptions.DEFAULT);

    Http.Answer answer = http.post("/__twin/seed?namespace=alice", null, "{\n  \"notes\": [\n    {\"id\": \"note_1\",}\n  ]\n}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(message(answer)).startsWith("request body:3:").contains("not valid JSON");
  }

  @Test
  void aSeedTheTwinRefusesPointsAtTheOffendingValue() {
    start(TwinOptions.DEFAULT);

    Http.Answer answer = http.post("/__twin/seed", null, """
        {"namespaces": {
          "alice": {"notes": [
            {"id": "note_1"},
            {"id": "task_2"}
          ]}
        }}""");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(message(answer)).isEqualTo("request body:4:12: expected a note id starting with note_");
    assertThat(notes("alice")).isEmpty();
  }

  @Test
  void aSeedForAnotherTwinIsRefused() {
    start(TwinOptions.DEFAULT);

    Http.Answer answer = http.post("/__twin/seed", null, "{\"twin\": \"stripe\", \"namespaces\": {}}");

    assertThat(message(answer)).contains("this seed is for twin 'stripe', not 'notes'");
  }

  @Test
  void aSnapshotSeedsTheSameStateBack() {
    start(TwinOptions.DEFAULT);
    http.post("/notes", "alice", "{\"text\":\"one\"}");
    http.post("/notes", "bob", "{\"text\":\"two\"}");
    String snapshot = http.get("/__twin/snapshot", null).body();

    http.post("/__twin/reset", null, "");
    http.post("/__twin/seed", null, snapshot);

    assertThat(http.get("/__twin/snapshot", null).body()).isEqualTo(snapshot);
    assertThat(notes("alice").get(0).path("text").asString()).isEqualTo("one");
    JsonNode alice = http.get("/__twin/snapshot?namespace=alice", null).json();
    assertThat(alice.path("notes")).hasSize(1);
  }

  @Test
  void namespacesAreListedByFingerprintAndMaskedHintNeverByCredential() {
    start(TwinOptions.DEFAULT);
    http.post("/notes", "sk_test_0123456789abcdefWXYZ", "{\"text\":\"x\"}");

    Http.Answer answer = http.get("/__twin/namespaces", null);

    JsonNode listed = answer.json().path("namespaces").get(0);
    assertThat(listed.path("id").asString()).matches("ns_[0-9a-f]{16}");
    assertThat(listed.path("hint").asString()).isEqualTo("sk_test_…WXYZ");
    assertThat(listed.path("requests").asLong()).isEqualTo(1);
    assertThat(answer.body()).doesNotContain("0123456789abcdef");
  }

  @Test
  void theJournalFiltersByNamespaceKindAndSequenceAndRedactsSecrets() {
    start(TwinOptions.DEFAULT);
    http.post("/notes", "alice", "{\"text\":\"a\", \"password\": \"hunter2\"}");
    http.post("/notes", "bob", "{\"text\":\"b\"}");

    JsonNode all = http.get("/__twin/journal?kind=exchange", null).json();
    JsonNode bob = http.get("/__twin/journal?namespace=bob", null).json();

    assertThat(all.path("entries")).hasSize(2);
    assertThat(all.path("entries").get(0).path("requestBody").asString()).contains("[REDACTED]").doesNotContain("hunter2");
    assertThat(all.path("entries").get(0).path("requestHeaders").path("authorization").asString()).isEqualTo("Bearer [REDACTED]");
    assertThat(bob.path("entries")).hasSize(1);
    long first = all.path("entries").get(0).path("sequence").asLong();
    assertThat(http.get("/__twin/journal?kind=exchange&after=" + first, null).json().path("entries")).hasSize(1);
    assertThat(http.get("/__twin/journal?kind=exchange&limit=1", null).json().path("entries")).hasSize(1);
  }

  @Test
  void theJournalIsBoundedAndCountsWhatItDropped() {
    start(TwinOptions.newBuilder().journal(JournalLimits.DEFAULT.withMaxEntries(3)).build());
    for (int i = 0; i < 5; i++) {
      http.post("/notes", "alice", "{\"text\":\"" + i + "\"}");
    }

    JsonNode journal = http.get("/__twin/journal", null).json();

    assertThat(journal.path("size").asInt()).isEqualTo(3);
    assertThat(journal.path("dropped").asLong()).isEqualTo(3); // the STARTED entry and the first two exchanges
    assertThat(journal.path("entries").get(2).path("requestBody").asString()).contains("\"4\"");
    http.delete("/__twin/journal");
    assertThat(http.get("/__twin/journal", null).json().path("size").asInt()).isZero();
  }

  @Test
  void faultsAreAddedListedAndRemovedOverHttp() {
    start(TwinOptions.DEFAULT);

    Http.Answer added = http.send("POST", "/__twin/faults", null,
        "- id: slow\n  route: POST /notes\n  fault: {status: 503}\n- route: GET /notes\n  nth: 2\n  fault: reset\n",
        "application/yaml");
    http.post("/notes", "alice", "{}");
    JsonNode listed = http.get("/__twin/faults", null).json().path("faults");

    assertThat(added.json().path("added")).hasSize(2);
    assertThat(listed.get(0).path("id").asString()).isEqualTo("slow");
    assertThat(listed.get(0).path("matched").asLong()).isEqualTo(1);
    assertThat(listed.get(0).path("fired").asLong()).isEqualTo(1);
    assertThat(listed.get(1).path("id").asString()).isEqualTo("rule-1");
    assertThat(http.delete("/__twin/faults/slow").status()).isEqualTo(200);
    assertThat(http.delete("/__twin/faults/slow").status()).isEqualTo(404);
    assertThat(http.post("/notes", "alice", "{}").status()).isEqualTo(201);
    http.delete("/__twin/faults");
    assertThat(http.get("/__twin/faults", null).json().path("faults")).isEmpty();
  }

  @Test
  void aFaultRuleThatDoesNotParseIsRefusedWithItsPosition() {
    start(TwinOptions.DEFAULT);

    Http.Answer answer = http.send("POST", "/__twin/faults", null, "route: POST /notes\nfault:\n  latncy: 200ms\n",
        "application/yaml");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(message(answer)).startsWith("request body:3:3: unknown field 'latncy' (did you mean 'latency'?)");
  }

  @Test
  void theClockCanBeSetAdvancedAndReleased() {
    start(TwinOptions.DEFAULT);

    http.post("/__twin/clock", null, "{\"set\": \"2026-01-01T00:00:00Z\"}");
    long created = http.post("/notes", "alice", "{}").json().path("created").asLong();
    Http.Answer advanced = http.post("/__twin/clock", null, "{\"advance\": \"90s\"}");

    assertThat(created).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
    assertThat(advanced.json().path("now").asString()).isEqualTo("2026-01-01T00:01:30Z");
    assertThat(advanced.json().path("mode").asString()).isEqualTo("fixed");
    assertThat(http.post("/__twin/clock", null, "{\"system\": true}").json().path("mode").asString()).isEqualTo("system");
    assertThat(message(http.post("/__twin/clock", null, "{\"set\": \"tomorrow\"}")))
        .contains("expected an instant such as 2026-01-01T00:00:00Z");
  }

  @Test
  void theSameIdSeedGivesTheSameIdsWhateverOtherNamespacesDo() {
    start(TwinOptions.newBuilder().idSeed(42).build());
    List<String> first = new ArrayList<>();
    first.add(http.post("/notes", "alice", "{}").json().path("id").asString());
    http.post("/notes", "bob", "{}");
    first.add(http.post("/notes", "alice", "{}").json().path("id").asString());

    http.post("/__twin/reset", null, "");
    List<String> second = new ArrayList<>();
    second.add(http.post("/notes", "alice", "{}").json().path("id").asString());
    second.add(http.post("/notes", "alice", "{}").json().path("id").asString());
    http.post("/__twin/ids", null, "{\"seed\": 43}");
    http.post("/__twin/reset", null, "");
    String other = http.post("/notes", "alice", "{}").json().path("id").asString();

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first.get(0));
  }

  @Test
  void unknownControlEndpointsAndMethodsAreExplained() {
    start(TwinOptions.DEFAULT);

    assertThat(http.get("/__twin/nope", null).status()).isEqualTo(404);
    assertThat(message(http.get("/__twin/reset", null))).contains("GET is not allowed on /__twin/reset");
    assertThat(http.get("/__twin/", null).json().path("simulated").asBoolean()).isTrue();
    assertThat(http.get("/__twin/health", null).json().path("status").asString()).isEqualTo("running");
  }

  private List<JsonNode> notes(String token) {
    List<JsonNode> notes = new ArrayList<>();
    http.get("/notes", token).json().path("data").forEach(notes::add);
    return notes;
  }

  private static String message(Http.Answer answer) {
    return answer.json().path("error").path("message").asString();
  }
}
