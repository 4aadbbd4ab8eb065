package dev.darkfactory.twin.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.twin.DocumentException;
import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.document.DocumentFormat;
import dev.darkfactory.twin.document.JsonDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultRulesTest {

  private static List<FaultRule> yaml(String text) {
    return FaultRules.parse(JsonDocument.parse("rules.yaml", text, DocumentFormat.YAML));
  }

  @Test
  void everyFaultAndTriggerReads() {
    List<FaultRule> rules = yaml("""
        - id: slow
          route: POST /v1/charges
          namespace: sk_test_alice
          probability: 0.25
          fault: {latency: {uniform: [50ms, 150ms]}}
        - route: /v1/refunds
          nth: 2
          limit: 1
          fault: {status: 429, retryAfter: 2, message: slow down}
        - route: GET /v1/**
          phase: after
          fault: {truncate: {bytes: 10}}
        - webhook: charge.*
          fault: drop
        - webhook: payment_intent.succeeded
          fault: {duplicate: {times: 2}}
        - route: GET /x
          fault: {hang: {max: 30s}}
        - route: GET /y
          fault: {latency: {normal: {mean: 100ms, stddev: 10ms}}}
        - route: GET /z
          fault: reset
        """);

    assertThat(rules).hasSize(8);
    FaultRule slow = rules.get(0);
    assertThat(slow.id()).isEqualTo("slow");
    assertThat(slow.namespace()).contains(Namespace.ofCredential("sk_test_alice"));
    assertThat(slow.trigger()).isEqualTo(Trigger.probability(0.25));
    assertThat(slow.fault()).isEqualTo(new Fault.Latency(new Delay.Uniform(Duration.ofMillis(50), Duration.ofMillis(150))));
    assertThat(rules.get(1).fault()).isEqualTo(new Fault.Status(429, Optional.of(Duration.ofSeconds(2)), Optional.of("slow down")));
    assertThat(rules.get(1).target()).isEqualTo(Target.route("/v1/refunds"));
    assertThat(rules.get(1).limit()).hasValue(1);
    assertThat(rules.get(2).fault()).isEqualTo(new Fault.Truncate(OptionalInt.of(10)));
    assertThat(rules.get(2).phase()).isEqualTo(Phase.AFTER);
    assertThat(rules.get(3).target()).isEqualTo(Target.webhook("charge.*"));
    assertThat(rules.get(4).fault()).isEqualTo(Fault.duplicate(2));
    assertThat(rules.get(5).fault()).isEqualTo(new Fault.Hang(Optional.of(Duration.ofSeconds(30))));
    assertThat(rules.get(7).phase()).isEqualTo(Phase.BEFORE);
  }

  @Test
  void aListingReadsBackAsTheSameRules() {
    List<FaultRule> rules = yaml("""
        - {id: a, route: POST /v1/charges, nth: 3, fault: {status: 503}}
        - {id: b, webhook: "charge.*", probability: 0.5, fault: {latency: 20ms}}
        - {id: c, route: GET /v1/x, fault: {latency: {exponential: 5ms}}}
        """);
    String listing = dev.darkfactory.twin.document.Json.text(dev.darkfactory.twin.document.Json.array()
        .addAll(rules.stream().map(FaultRules::toJson).toList()));

    assertThat(FaultRules.parse(JsonDocument.parse("listing", listing, DocumentFormat.JSON))).isEqualTo(rules);
  }

  @Test
  void aRuleNeedsExactlyOneTarget() {
    assertThatThrownBy(() -> yaml("fault: reset\n")).hasMessage("rules.yaml:1:1: a fault rule needs exactly one of 'route'"
        + " (\"POST /v1/charges\") or 'webhook' (\"charge.*\")");
  }

  @Test
  void webhookFaultsOnRoutesAndRequestFaultsOnWebhooksAreRefused() {
    assertThatThrownBy(() -> yaml("route: GET /x\nfault: drop\n")).isInstanceOf(DocumentException.class)
        .hasMessageContaining("'drop' applies to webhooks");
    assertThatThrownBy(() -> yaml("webhook: charge.*\nfault: reset\n")).hasMessageContaining("'reset' applies to HTTP requests");
  }

  @Test
  void aTruncateBeforeTheHandlerIsRefused() {
    assertThatThrownBy(() -> yaml("route: GET /x\nphase: before\nfault: truncate\n"))
        .hasMessageContaining("applies after the request is handled");
  }

  @Test
  void badValuesPointAtThemselves() {
    assertThatThrownBy(() -> yaml("route: GET /x\nnth: 0\nfault: reset\n")).hasMessage("rules.yaml:2:6: nth counts calls from 1, found 0");
    assertThatThrownBy(() -> yaml("route: GET /x\nprobability: 1.5\nfault: reset\n"))
        .hasMessage("rules.yaml:2:14: a probability is between 0 and 1, found 1.5");
    assertThatThrownBy(() -> yaml("route: GET /x\nfault: {status: 200}\n"))
        .hasMessage("rules.yaml:2:17: a fault status is an error status between 400 and 599, found 200");
    assertThatThrownBy(() -> yaml("route: GET /x\nfault: explode\n")).hasMessageStartingWith("rules.yaml:2:8: expected a fault");
    assertThatThrownBy(() -> yaml("route: GET /x\nfault: {latency: soon}\n"))
        .hasMessageStartingWith("rules.yaml:2:18: expected a duration");
    assertThatThrownBy(() -> yaml("route: x\nfault: reset\n")).hasMessageContaining("a route's path starts with '/'");
    assertThatThrownBy(() -> yaml("route: GET /x\nnth: 2\nprobability: 0.1\nfault: reset\n")).hasMessageContaining("not both");
    assertThatThrownBy(() -> yaml("route: GET /x\nfault: {status: 500, latency: 1s}\n"))
        .hasMessageContaining("a fault has exactly one kind");
  }

  @Test
  void aFileIsNamedInItsErrors(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("faults.json"), "{\"faults\": [{\"route\": \"GET /x\", \"fault\": {\"reset\": 1}}]}");

    assertThatThrownBy(() -> FaultRules.read(file)).hasMessageStartingWith(file + ":1:");
  }

  @Test
  void rulesBuiltInJavaAreCheckedToo() {
    assertThatThrownBy(() -> FaultRule.newBuilder().webhook("x.*").fault(Fault.status(500)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.newBuilder().fault(Fault.reset()).build()).isInstanceOf(IllegalStateException.class);
    assertThat(FaultRule.newBuilder().route("GET /x").fault(Fault.malformed()).build().phase()).isEqualTo(Phase.AFTER);
  }

  @Test
  void globsMatchSegments() {
    assertThat(Glob.path("/v1/customers/*").matches("/v1/customers/cus_1")).isTrue();
    assertThat(Glob.path("/v1/customers/*").matches("/v1/customers/cus_1/sources")).isFalse();
    assertThat(Glob.path("/v1/**").matches("/v1/customers/cus_1/sources")).isTrue();
    assertThat(Glob.eventType("charge.*").matches("charge.refunded")).isTrue();
    assertThat(Glob.eventType("charge.*").matches("charge.dispute.created")).isFalse();
    assertThat(Glob.path("/v1/a.b").matches("/v1/aXb")).isFalse();
  }
}
