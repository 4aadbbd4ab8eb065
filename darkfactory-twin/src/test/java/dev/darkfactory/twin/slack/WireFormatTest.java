package dev.darkfactory.twin.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.twin.fixture.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Slack's wire format as any HTTP client sees it: JSON bodies with a bearer token, form bodies with a token argument,
 * GET with a query, the content-type warnings, Slack's refusals of bodies it cannot read, and unknown methods.
 */
class WireFormatTest extends SlackSdkTest {

  private Http http;
  private String general;

  @BeforeEach
  void client() throws Exception {
    http = new Http(twin.baseUrl());
    general = channel("general").getId();
  }

  private Http.Answer send(String method, String path, String authorization, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.baseUrl() + path)).timeout(Duration.ofSeconds(30))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build());
  }

  @Test
  void aJsonBodyWithCharsetAndABearerTokenPosts() {
    Http.Answer answer = send("POST", "/api/chat.postMessage", "Bearer " + TOKEN, "application/json; charset=utf-8",
        "{\"channel\": \"" + general + "\", \"text\": \"from json\", \"blocks\": [{\"type\": \"divider\"}]}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().allValues("Content-Type")).singleElement()
        .satisfies(type -> assertThat(type.replace(" ", "")).isEqualTo("application/json;charset=utf-8"));
    assertThat(answer.header("X-Slack-Req-Id")).hasSize(32);
    JsonNode json = answer.json();
    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(json.path("message").path("blocks").get(0).path("type").asString()).isEqualTo("divider");
    assertThat(json.has("warning")).isFalse();
  }

  @Test
  void jsonWithoutCharsetWarnsMissingCharset() {
    JsonNode json = send("POST", "/api/chat.postMessage", "Bearer " + TOKEN, "application/json",
        "{\"channel\": \"" + general + "\", \"text\": \"x\"}").json();

    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(json.path("warning").asString()).isEqualTo("missing_charset");
    assertThat(json.path("response_metadata").path("warnings").get(0).asString()).isEqualTo("missing_charset");
  }

  @Test
  void aFormWithATokenArgumentNeedsNoHeaderAndAFormCharsetIsSuperfluous() {
    JsonNode plain = send("POST", "/api/chat.postMessage", null, "application/x-www-form-urlencoded",
        "token=" + TOKEN + "&channel=" + general + "&text=hello%20form").json();
    JsonNode withCharset = send("POST", "/api/auth.test", null, "application/x-www-form-urlencoded; charset=utf-8",
        "token=" + TOKEN).json();

    assertThat(plain.path("ok").asBoolean()).isTrue();
    assertThat(plain.path("message").path("text").asString()).isEqualTo("hello form");
    assertThat(withCharset.path("ok").asBoolean()).isTrue();
    assertThat(withCharset.path("warning").asString()).isEqualTo("superfluous_charset");
  }

  @Test
  void getWithAQueryIsAsGoodAsPost() {
    JsonNode json = send("GET", "/api/conversations.info?channel=" + general + "&include_num_members=true",
        "Bearer " + TOKEN, null, "").json();

    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(json.path("channel").path("num_members").asInt()).isEqualTo(2);
  }

  @Test
  void aTokenInsideAJsonBodyIsNotRead() {
    JsonNode json = send("POST", "/api/auth.test", null, "application/json; charset=utf-8", "{\"token\": \"" + TOKEN + "\"}").json();

    assertThat(json.path("error").asString()).isEqualTo("not_authed");
  }

  @Test
  void bodiesSlackCannotReadAreRefusedWithItsCodes() {
    assertThat(send("POST", "/api/auth.test", "Bearer " + TOKEN, "application/json; charset=utf-8", "{oops").json()
        .path("error").asString()).isEqualTo("invalid_json");
    assertThat(send("POST", "/api/auth.test", "Bearer " + TOKEN, "application/json; charset=utf-8", "[1]").json()
        .path("error").asString()).isEqualTo("json_not_object");
    assertThat(send("POST", "/api/auth.test", "Bearer " + TOKEN, "application/xml", "<a/>").json()
        .path("error").asString()).isEqualTo("invalid_post_type");
    assertThat(send("POST", "/api/chat.postMessage", "Bearer " + TOKEN, "application/x-www-form-urlencoded",
        "channel=" + general + "&text=x&blocks=not-json").json().path("error").asString()).isEqualTo("invalid_blocks");
    assertThat(send("POST", "/api/users.list", "Bearer " + TOKEN, "application/x-www-form-urlencoded", "limit=many").json()
        .path("error").asString()).isEqualTo("invalid_arguments");
  }

  @Test
  void anUnknownMethodIsUnknownMethodWhoeverAsks() {
    Http.Answer answer = send("POST", "/api/chat.teleport", null, "application/x-www-form-urlencoded", "");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"ok\":false,\"error\":\"unknown_method\",\"req_method\":\"chat.teleport\"}");
    assertThat(send("GET", "/not-the-api", null, null, "").status()).isEqualTo(404);
    assertThat(twin.journal().exchanges().getLast().route()).isEmpty();
  }

  @Test
  void everyAnswerSaysWhichScopesTheTokenHasAndTheMethodAccepts() {
    Http.Answer answer = send("GET", "/api/users.list", "Bearer " + TOKEN, null, "");

    assertThat(answer.header("X-OAuth-Scopes")).contains("users:read", "chat:write");
    assertThat(answer.header("X-Accepted-OAuth-Scopes")).isEqualTo("users:read");
    assertThat(answer.header("X-Twin")).isEqualTo("slack");
  }

  @Test
  void tokensNeverReachTheJournal() {
    send("POST", "/api/auth.test", null, "application/x-www-form-urlencoded", "token=" + TOKEN);
    send("POST", "/api/auth.test", "Bearer " + TOKEN, null, "");

    twin.journal().exchanges().forEach(exchange -> {
      assertThat(exchange.requestBody()).doesNotContain("twintesttoken");
      assertThat(String.valueOf(exchange.requestHeaders())).doesNotContain("twintesttoken");
    });
  }
}
