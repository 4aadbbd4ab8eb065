package dev.darkfactory.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.testkit.wire.Wire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The twin pages model lists as each vendor's API does (raw HTTP, no LLM client). */
class ModelListsTest {
  private static final List<String> MODELS = IntStream.range(0, 120).mapToObj(i -> "model-" + i).toList();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private FakeProviderServer twin;

  @BeforeEach
  void start() {
    twin = FakeProviderServer.start(Script.builder().models(MODELS).build());
  }

  @AfterEach
  void stop() {
    twin.close();
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + pathAndQuery)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode anthropic(String query) throws IOException, InterruptedException {
    return Wire.MAPPER.readTree(get("/v1/models" + query, "anthropic-version", "2023-06-01").body());
  }

  private static List<String> ids(JsonNode list, String field, String key) {
    List<String> ids = new ArrayList<>();
    list.path(field).forEach(model -> ids.add(model.path(key).asString().replaceFirst("^models/", "")));
    return ids;
  }

  @Test
  void openAiListsEveryModelInOneResponse() throws Exception {
    JsonNode list = Wire.MAPPER.readTree(get("/v1/models").body());
    assertThat(list.path("object").asString()).isEqualTo("list");
    assertThat(ids(list, "data", "id")).isEqualTo(MODELS);
    assertThat(list.has("has_more")).isFalse();
  }

  @Test
  void anthropicPagesTwentyByDefaultAndFollowsAfterId() throws Exception {
    JsonNode first = anthropic("");
    assertThat(ids(first, "data", "id")).isEqualTo(MODELS.subList(0, 20));
    assertThat(first.path("has_more").asBoolean()).isTrue();
    assertThat(first.path("first_id").asString()).isEqualTo("model-0");
    assertThat(first.path("last_id").asString()).isEqualTo("model-19");

    JsonNode second = anthropic("?limit=100&after_id=model-19");
    assertThat(ids(second, "data", "id")).isEqualTo(MODELS.subList(20, 120));
    assertThat(second.path("has_more").asBoolean()).isFalse();

    JsonNode before = anthropic("?limit=5&before_id=model-20");
    assertThat(ids(before, "data", "id")).containsExactly("model-15", "model-16", "model-17", "model-18", "model-19");
    assertThat(before.path("has_more").asBoolean()).isTrue();
    assertThat(before.path("data").path(0).path("type").asString()).isEqualTo("model");
  }

  @Test
  void anthropicRefusesWhatItsReferenceRulesOut() throws Exception {
    for (String query : List.of("?limit=0", "?limit=1001", "?limit=ten", "?after_id=no-such-model", "?after_id=model-1&before_id=model-9")) {
      HttpResponse<String> answer = get("/v1/models" + query, "anthropic-version", "2023-06-01");
      assertThat(answer.statusCode()).as(query).isEqualTo(400);
      assertThat(Wire.MAPPER.readTree(answer.body()).path("error").path("type").asString()).isEqualTo("invalid_request_error");
    }
  }

  @Test
  void geminiPagesFiftyByDefaultWithPageTokens() throws Exception {
    JsonNode first = Wire.MAPPER.readTree(get("/v1beta/models?key=k").body());
    assertThat(ids(first, "models", "name")).isEqualTo(MODELS.subList(0, 50));
    String token = first.path("nextPageToken").asString();
    assertThat(token).isNotBlank();

    JsonNode second = Wire.MAPPER.readTree(get("/v1beta/models?key=k&pageSize=60&pageToken=" + token).body());
    assertThat(ids(second, "models", "name")).isEqualTo(MODELS.subList(50, 110));
    JsonNode last = Wire.MAPPER.readTree(get("/v1beta/models?pageSize=60&pageToken=" + second.path("nextPageToken").asString()).body());
    assertThat(ids(last, "models", "name")).isEqualTo(MODELS.subList(110, 120));
    assertThat(last.has("nextPageToken")).as("absent on the last page").isFalse();

    assertThat(ids(Wire.MAPPER.readTree(get("/v1beta/models?pageSize=5000").body()), "models", "name")).hasSize(120);
    HttpResponse<String> forged = get("/v1beta/models?pageToken=bm90LWEtdG9rZW4");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(Wire.MAPPER.readTree(forged.body()).path("error").path("status").asString()).isEqualTo("INVALID_ARGUMENT");
  }
}
