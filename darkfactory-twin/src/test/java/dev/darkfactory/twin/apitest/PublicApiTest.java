package dev.darkfactory.twin.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.fault.Fault;
import dev.darkfactory.twin.fault.FaultRule;
import dev.darkfactory.twin.journal.JournalEntry;
import dev.darkfactory.twin.runtime.TwinOptions;
import dev.darkfactory.twin.runtime.TwinServer;
import dev.darkfactory.twin.spi.Credentials;
import dev.darkfactory.twin.spi.ErrorFormat;
import dev.darkfactory.twin.spi.NamespaceResolver;
import dev.darkfactory.twin.spi.RouteTable;
import dev.darkfactory.twin.spi.StateContext;
import dev.darkfactory.twin.spi.StateModel;
import dev.darkfactory.twin.spi.Twin;
import dev.darkfactory.twin.spi.TwinResponse;
import dev.darkfactory.twin.stripe.StripeTwin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user's own twin, written and run from outside the module's packages with public types only: if the SPI or
 * the runtime's API loses something a user needs, this stops compiling.
 */
class PublicApiTest {

  /** A counter per API key: the smallest useful twin. */
  static final class CounterTwin implements Twin<AtomicLong> {
    @Override
    public String name() {
      return "counter";
    }

    @Override
    public NamespaceResolver namespaces() {
      return Credentials.headerValue("X-Api-Key", request -> TwinResponse.json(401, Json.object().put("error", "no key")));
    }

    @Override
    public RouteTable<AtomicLong> routes() {
      return RouteTable.<AtomicLong>newBuilder()
          .post("/count", call -> TwinResponse.json(200, Json.object().put("count", call.state().incrementAndGet())
              .put("at", call.now().toString()).put("id", call.ids().next("cnt", 8))))
          .build();
    }

    @Override
    public StateModel<AtomicLong> state() {
      return new StateModel<>() {
        @Override
        public AtomicLong create(StateContext context) {
          return new AtomicLong();
        }

        @Override
        public AtomicLong read(JsonNode json, StateContext context) {
          return new AtomicLong(json.path("count").asLong());
        }

        @Override
        public JsonNode write(AtomicLong state) {
          return Json.object().put("count", state.get());
        }
      };
    }

    @Override
    public ErrorFormat errors() {
      return ErrorFormat.generic();
    }
  }

  @Test
  void aUsersTwinGetsTheWholeRuntime() throws Exception {
    TwinOptions options = TwinOptions.newBuilder().clock(Instant.parse("2026-01-01T00:00:00Z")).idSeed(1).build();
    try (TwinServer twin = TwinServer.start(new CounterTwin(), options)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest count = HttpRequest.newBuilder(twin.baseUrl().resolve("/count")).header("X-Api-Key", "k1")
          .POST(HttpRequest.BodyPublishers.noBody()).build();

      assertThat(http.send(count, HttpResponse.BodyHandlers.ofString()).body()).contains("\"count\":1")
          .contains("2026-01-01T00:00:00Z");
      twin.control().seed(Namespace.ofCredential("k1"), Json.object().put("count", 41));
      assertThat(http.send(count, HttpResponse.BodyHandlers.ofString()).body()).contains("\"count\":42");
      twin.faults().add(FaultRule.newBuilder().route("POST /count").fault(Fault.status(503)).build());
      assertThat(http.send(count, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
      assertThat(twin.journal().exchanges()).extracting(JournalEntry.Exchange::status).containsExactly(200, 200, 503);
      assertThat(twin.control().snapshot(Namespace.ofCredential("k1")).path("count").asLong()).isEqualTo(42);
    }
  }

  @Test
  void theStripeTwinStartsFromItsPublicType() {
    try (TwinServer stripe = TwinServer.start(StripeTwin.create())) {
      assertThat(stripe.name()).isEqualTo("stripe");
      assertThat(stripe.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + stripe.port()));
    }
  }
}
