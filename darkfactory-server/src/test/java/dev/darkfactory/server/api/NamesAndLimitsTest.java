package dev.darkfactory.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.graph.DurationText;
import dev.darkfactory.pipeline.problem.InvalidValueException;
import dev.darkfactory.pipeline.report.ProductVersion;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.TestServer.Response;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP API speaks the vocabulary of the command line and the manifest (docs/names.md), refuses
 * budgets with the messages {@code factory run} gives, and answers a wrong method with 405.
 */
class NamesAndLimitsTest {
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

  private static String refusal(Map<String, Object> budgets) {
    Response response = server.post("/pipelines", Map.of("dot", TestServer.pipeline("linear.dot"), "budgets", budgets));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    return response.json().path("error").path("message").asString();
  }

  private static String message(ThrowingSupplier<?> validation) {
    try {
      validation.get();
    } catch (InvalidValueException e) {
      return e.getMessage();
    } catch (Throwable other) {
      throw new AssertionError(other);
    }
    throw new AssertionError("the value was accepted");
  }

  @Test
  void budgetsAreRefusedWithTheMessagesOfTheCommandLine() {
    assertThat(refusal(Map.of("max_tokens", -5))).isEqualTo(message(() -> RunBudget.parseMaxTokens("-5")))
        .isEqualTo("max_tokens must be a whole number of tokens greater than 0, such as 50000, not -5");
    assertThat(refusal(Map.of("max_cost_usd", -1))).isEqualTo(message(() -> RunBudget.parseMaxCostUsd("-1")));
    assertThat(refusal(Map.of("max_cost_usd", "NaN"))).isEqualTo(message(() -> RunBudget.parseMaxCostUsd("NaN")));
    assertThat(refusal(Map.of("max_tokens", "99999999999999999999"))).isEqualTo(message(() -> RunBudget.parseMaxTokens("99999999999999999999")));
    assertThat(refusal(Map.of("timeout", "0s"))).isEqualTo("budgets.timeout: " + message(() -> DurationText.parse("0s")));
    assertThat(refusal(Map.of("timeout", "99999999999999999h"))).isEqualTo("budgets.timeout: " + message(() -> DurationText.parse("99999999999999999h")))
        .contains("too large", "36500d");
  }

  @Test
  void theOldMaxSecondsSaysAHugeValueIsTooLargeNotThatItIsOutOfRangeOfLong() {
    assertThat(refusal(Map.of("max_seconds", 1e23))).startsWith("budgets.max_seconds: '1.0E23' is too large: the longest duration is 36500d (100 years)")
        .doesNotContain("range of long");
    assertThat(refusal(Map.of("max_seconds", 1.5))).contains("is not a whole number of seconds");
    assertThat(refusal(Map.of("timeout", "1h", "max_seconds", 60))).contains("not both");
  }

  @Test
  void theManifestNamesBackendAndBudgetsAsFactoryRunDoesWhateverTheBackend() throws Exception {
    String id = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "backend", "simulation",
        "budgets", Map.of("max_tokens", 5000, "max_cost_usd", 2.5, "timeout", "PT30M")));
    server.awaitStatus(id, "success");
    JsonNode settings = JsonValues.parse(Files.readString(server.server.runs().directory(id).root().resolve("manifest.json"))).path("settings");
    assertThat(settings.path("backend").asString()).isEqualTo("simulation");
    assertThat(settings.path("max_tokens").asString()).isEqualTo("5000");
    assertThat(settings.path("max_cost_usd").asString()).isEqualTo("2.5");
    assertThat(settings.path("timeout").asString()).isEqualTo("30m");
    assertThat(settings.propertyNames()).noneMatch(name -> name.startsWith("budget."));
  }

  @Test
  void theOldNamesStillWorkAndAreStoredUnderTheNewOnes() throws Exception {
    String id = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "backend", "simulate", "variables", Map.of("ticket", "DF-7"),
        "budgets", Map.of("max_seconds", 3600)));
    server.awaitStatus(id, "success");
    assertThat(server.get("/pipelines/" + id).json().path("run").path("backend").asString()).isEqualTo("simulation");
    assertThat(server.get("/pipelines/" + id + "/context").json().path("context").path("ticket").asString()).isEqualTo("DF-7");
    JsonNode stored = JsonValues.parse(Files.readString(server.server.runs().directory(id).root().resolve("server-run.json")));
    assertThat(stored.path("backend").asString()).isEqualTo("simulation");
    assertThat(stored.path("context").path("ticket").asString()).isEqualTo("DF-7");
    assertThat(stored.path("budgets").path("timeout").asString()).isEqualTo("1h");
  }

  @Test
  void contextIsTheNameOfInitialContextValues() {
    String id = server.submit(Map.of("dot", TestServer.pipeline("linear.dot"), "context", Map.of("ticket", "DF-8")));
    server.awaitStatus(id, "success");
    assertThat(server.get("/pipelines/" + id + "/context").json().path("context").path("ticket").asString()).isEqualTo("DF-8");
  }

  @Test
  void infoGivesTheVersionTheCommandLineGives() {
    assertThat(server.get("/api/info").json().path("version").asString()).isEqualTo(ProductVersion.current()).isNotEqualTo("dev")
        .matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DELETE /pipelines|GET, POST", "GET /validate|POST", "PUT /api/info|GET", "GET /pipelines/20260101-000000-abcdef/cancel|POST"})
  void aKnownPathAskedWithTheWrongMethodIs405WithAllow(String call) {
    String[] parts = call.split("[ |]");
    Response response = server.send(server.request(parts[1]).method(parts[0], HttpRequest.BodyPublishers.noBody()).build());
    assertThat(response.status()).as(response.body()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo(call.substring(call.indexOf('|') + 1));
    assertThat(response.errorCode()).isEqualTo("method_not_allowed");
  }

  @Test
  void anUnknownPathIsStill404() {
    Response response = server.send(server.request("/no-such-endpoint").DELETE().build());
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorCode()).isEqualTo("not_found");
  }
}
